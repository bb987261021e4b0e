#include "core/markdown/html_output.hpp"

#include "core/html/entity.hpp"
#include "core/html/escape.hpp"
#include "core/util/utf8.hpp"

namespace blog {

void md_entity_append(std::string& out, const char* text, size_t size) {
    if (size > 3 && text[1] == '#') {
        unsigned cp = 0;
        bool hex = text[2] == 'x' || text[2] == 'X';
        for (size_t i = hex ? 3 : 2; i + 1 < size; ++i) {
            char c = text[i];
            unsigned d = (c >= '0' && c <= '9') ? unsigned(c - '0')
                         : (c >= 'a' && c <= 'f') ? unsigned(c - 'a' + 10)
                                                  : unsigned(c - 'A' + 10);
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, no overflow
        }
        utf8_append(out, cp);
        return;
    }
    if (unsigned cp[2]; int n = html_entity_codepoints(std::string_view(text, size), cp)) {
        utf8_append(out, cp[0]);
        if (n == 2) utf8_append(out, cp[1]);
        return;
    }
    out.append(text, size);
}

std::string md_attribute_text(const MD_ATTRIBUTE& attr) {
    std::string out;
    if (!attr.text) return out;
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
        MD_OFFSET off = attr.substr_offsets[i];
        MD_SIZE size = attr.substr_offsets[i + 1] - off;
        switch (attr.substr_types[i]) {
            case MD_TEXT_NULLCHAR: utf8_append(out, 0); break;
            case MD_TEXT_ENTITY: md_entity_append(out, attr.text + off, size); break;
            default: out.append(attr.text + off, size); break;
        }
    }
    return out;
}

std::string_view md_attribute_view(const MD_ATTRIBUTE& attr, std::string& buffer) {
    if (!attr.text || attr.size == 0) return {};
    if (attr.substr_offsets[0] == 0 && attr.substr_offsets[1] == attr.size && attr.substr_types[0] == MD_TEXT_NORMAL)
        return std::string_view(attr.text, attr.size);
    buffer = md_attribute_text(attr);
    return buffer;
}

void md_url_append(std::string& out, const MD_ATTRIBUTE& attr) {
    for (int i = 0; attr.substr_offsets[i] < attr.size; ++i) {
        MD_OFFSET off = attr.substr_offsets[i];
        MD_SIZE size = attr.substr_offsets[i + 1] - off;
        switch (attr.substr_types[i]) {
            case MD_TEXT_NULLCHAR: utf8_append(out, 0); break;
            case MD_TEXT_ENTITY: {
                std::string decoded;
                md_entity_append(decoded, attr.text + off, size);
                url_escape_append(out, decoded);
                break;
            }
            default: url_escape_append(out, std::string_view(attr.text + off, size)); break;
        }
    }
}

}  // namespace blog
