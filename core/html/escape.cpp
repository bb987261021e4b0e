#include "core/html/escape.hpp"

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

namespace {

// The bytes a URL keeps as they are (md4c-html's set): letters, digits and
// -_.+!*(),%#@?=;:/$ — a table, as every byte of every href passes here.
struct UrlSafeTable {
    bool safe[256] = {};
    constexpr UrlSafeTable() {
        for (int c = 'a'; c <= 'z'; ++c) safe[c] = true;
        for (int c = 'A'; c <= 'Z'; ++c) safe[c] = true;
        for (int c = '0'; c <= '9'; ++c) safe[c] = true;
        for (const char* p = "-_.+!*(),%#@?=;:/$"; *p; ++p) safe[static_cast<unsigned char>(*p)] = true;
    }
};
constexpr UrlSafeTable kUrl;

}  // namespace

void url_escape_append(std::string& out, std::string_view url) {
    static const char hex[] = "0123456789ABCDEF";
    const auto* p = reinterpret_cast<const unsigned char*>(url.data());
    const size_t n = url.size();
    size_t begin = 0;
    for (size_t i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        if (kUrl.safe[c]) continue;
        out.append(url.data() + begin, i - begin);  // the run of safe bytes before c
        if (c == '&') {
            out.append("&amp;", 5);
        } else {
            const char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            out.append(esc, 3);
        }
        begin = i + 1;
    }
    out.append(url.data() + begin, n - begin);
}

}  // namespace blog
