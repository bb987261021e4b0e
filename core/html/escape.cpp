#include "core/html/escape.hpp"

#include <cstring>

namespace blog {

void html_escape_append(std::string& out, std::string_view text) {
    size_t begin = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char* rep = nullptr;
        switch (text[i]) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            default: continue;
        }
        out.append(text.data() + begin, i - begin);
        out.append(rep);
        begin = i + 1;
    }
    out.append(text.data() + begin, text.size() - begin);
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    html_escape_append(out, text);
    return out;
}

static bool url_safe(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return c != 0 && std::strchr("-_.+!*(),%#@?=;:/,+$", c) != nullptr;
}

void url_escape_append(std::string& out, std::string_view url) {
    static const char hex[] = "0123456789ABCDEF";
    for (unsigned char c : url) {
        if (url_safe(c)) {
            out.push_back(static_cast<char>(c));
        } else if (c == '&') {
            out.append("&amp;");
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
}

}  // namespace blog
