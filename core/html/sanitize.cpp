#include "core/html/sanitize.hpp"

#include <cstring>

#include "core/html/entity.hpp"
#include "core/html/escape.hpp"
#include "core/util/utf8.hpp"

// A byte-at-a-time tokenizer with the states of the HTML standard's (§13.2.5)
// that a post's markup reaches: data, tags and their attributes, character
// references, comments, DOCTYPE, bogus comments, and the raw text of the
// elements whose content is dropped. It keeps its state between chunks, so
// a tag split anywhere reads as one and each byte is looked at once. What
// it reads is never copied out: a kept tag is written from its parsed name
// and attributes, text is re-escaped.
namespace blog {

namespace {

constexpr size_t kMaxDepth = 256;               // open elements; deeper opens are dropped
constexpr size_t kMaxTagBytes = size_t(64) << 10;  // a tag's name and kept values
constexpr size_t kMaxRefBytes = 40;             // a character reference ("&CounterClockwiseContourIntegral;")

// What becomes of an element.
enum class Kind : unsigned char {
    Keep,      // written, with its allowed attributes
    Void,      // written, never closed (br, img…)
    Iframe,    // written only from an allowed host, sandboxed; its content dropped
};

// Attributes and how their values are judged.
enum class Attr : unsigned char {
    Text,     // any text, escaped
    Bool,     // written without a value
    Id,       // letters, digits, '-', '_'
    Class,    // the same and spaces
    Number,   // digits (width, colspan…), maybe '%'
    Link,     // a URL followed (href)
    Media,    // a URL loaded (src, poster)
    Srcset,   // image candidates
    Word,     // a keyword (loading, preload, type…): letters, digits, '-'
};

struct AttrRule {
    const char* name;
    Attr kind;
};

struct ElementRule {
    const char* name;
    Kind kind;
    AttrRule attrs[12];
};

constexpr AttrRule kEnd{nullptr, Attr::Text};
constexpr AttrRule kIdClass[] = {{"class", Attr::Class}, {"id", Attr::Id}};

// The allowlist. Names lowercase; attributes of a kind the rule names.
const ElementRule kElements[] = {
    {"a", Kind::Keep, {{"href", Attr::Link}, {"title", Attr::Text}, kEnd}},
    {"abbr", Kind::Keep, {{"title", Attr::Text}, kEnd}},
    {"audio", Kind::Keep, {{"src", Attr::Media}, {"controls", Attr::Bool}, {"loop", Attr::Bool},
                           {"muted", Attr::Bool}, {"preload", Attr::Word}, kEnd}},
    {"b", Kind::Keep, {kEnd}},
    {"blockquote", Kind::Keep, {kEnd}},
    {"br", Kind::Void, {kEnd}},
    {"caption", Kind::Keep, {kEnd}},
    {"center", Kind::Keep, {kEnd}},
    {"cite", Kind::Keep, {kEnd}},
    {"code", Kind::Keep, {kEnd}},
    {"dd", Kind::Keep, {kEnd}},
    {"del", Kind::Keep, {kEnd}},
    {"details", Kind::Keep, {{"open", Attr::Bool}, kEnd}},
    {"div", Kind::Keep, {kIdClass[0], kIdClass[1], kEnd}},
    {"dl", Kind::Keep, {kEnd}},
    {"dt", Kind::Keep, {kEnd}},
    {"em", Kind::Keep, {kEnd}},
    {"figcaption", Kind::Keep, {kEnd}},
    {"figure", Kind::Keep, {kEnd}},
    {"h1", Kind::Keep, {{"id", Attr::Id}, kEnd}},
    {"h2", Kind::Keep, {{"id", Attr::Id}, kEnd}},
    {"h3", Kind::Keep, {{"id", Attr::Id}, kEnd}},
    {"h4", Kind::Keep, {{"id", Attr::Id}, kEnd}},
    {"h5", Kind::Keep, {{"id", Attr::Id}, kEnd}},
    {"h6", Kind::Keep, {{"id", Attr::Id}, kEnd}},
    {"hr", Kind::Void, {kEnd}},
    {"i", Kind::Keep, {kEnd}},
    {"iframe", Kind::Iframe, {{"src", Attr::Link}, {"width", Attr::Number}, {"height", Attr::Number},
                              {"title", Attr::Text}, kEnd}},
    {"img", Kind::Void, {{"src", Attr::Media}, {"srcset", Attr::Srcset}, {"alt", Attr::Text},
                         {"title", Attr::Text}, {"width", Attr::Number}, {"height", Attr::Number},
                         {"loading", Attr::Word}, {"decoding", Attr::Word}, {"sizes", Attr::Text}, kEnd}},
    {"ins", Kind::Keep, {kEnd}},
    {"kbd", Kind::Keep, {kEnd}},
    {"li", Kind::Keep, {kEnd}},
    {"mark", Kind::Keep, {kEnd}},
    {"ol", Kind::Keep, {{"start", Attr::Number}, {"type", Attr::Word}, {"reversed", Attr::Bool}, kEnd}},
    {"p", Kind::Keep, {kIdClass[0], kIdClass[1], kEnd}},
    {"picture", Kind::Keep, {kEnd}},
    {"pre", Kind::Keep, {kEnd}},
    {"q", Kind::Keep, {kEnd}},
    {"s", Kind::Keep, {kEnd}},
    {"small", Kind::Keep, {kEnd}},
    {"source", Kind::Void, {{"src", Attr::Media}, {"srcset", Attr::Srcset}, {"media", Attr::Text},
                            {"type", Attr::Text}, {"sizes", Attr::Text}, kEnd}},
    {"span", Kind::Keep, {kIdClass[0], kIdClass[1], kEnd}},
    {"strong", Kind::Keep, {kEnd}},
    {"sub", Kind::Keep, {kEnd}},
    {"summary", Kind::Keep, {kEnd}},
    {"sup", Kind::Keep, {kEnd}},
    {"table", Kind::Keep, {kEnd}},
    {"tbody", Kind::Keep, {kEnd}},
    {"td", Kind::Keep, {{"colspan", Attr::Number}, {"rowspan", Attr::Number}, {"align", Attr::Word}, kEnd}},
    {"tfoot", Kind::Keep, {kEnd}},
    {"th", Kind::Keep, {{"colspan", Attr::Number}, {"rowspan", Attr::Number}, {"align", Attr::Word},
                        {"scope", Attr::Word}, kEnd}},
    {"thead", Kind::Keep, {kEnd}},
    {"tr", Kind::Keep, {kEnd}},
    {"track", Kind::Void, {{"src", Attr::Media}, {"kind", Attr::Word}, {"srclang", Attr::Word},
                           {"label", Attr::Text}, {"default", Attr::Bool}, kEnd}},
    {"u", Kind::Keep, {kEnd}},
    {"ul", Kind::Keep, {kEnd}},
    {"video", Kind::Keep, {{"src", Attr::Media}, {"poster", Attr::Media}, {"controls", Attr::Bool},
                           {"width", Attr::Number}, {"height", Attr::Number}, {"loop", Attr::Bool},
                           {"muted", Attr::Bool}, {"playsinline", Attr::Bool}, {"preload", Attr::Word},
                           {"autoplay", Attr::Bool}, kEnd}},
    {"wbr", Kind::Void, {kEnd}},
};

const ElementRule* element_rule(std::string_view name) {
    for (const ElementRule& e : kElements)
        if (name == e.name) return &e;
    return nullptr;
}

// Elements dropped with their content. Raw: the browser reads the content
// as text up to "</name" (so do we); the others nest, counted by name.
struct ContentDrop {
    const char* name;
    bool raw;
};
constexpr ContentDrop kContentDropped[] = {
    {"script", true},   {"style", true},    {"textarea", true}, {"title", true},  {"xmp", true},
    {"iframe", true},   {"noembed", true},  {"noframes", true}, {"noscript", true}, {"plaintext", true},
    {"template", false}, {"object", false}, {"svg", false},     {"math", false},
};

const ContentDrop* content_dropped(std::string_view name) {
    for (const ContentDrop& d : kContentDropped)
        if (name == d.name) return &d;
    return nullptr;
}

// Embeds allowed in an <iframe>: https, these hosts and paths. "//host"
// and "http://host" are written as https.
constexpr const char* kFrameSources[] = {
    "www.youtube.com/embed/",     "youtube.com/embed/",        "www.youtube-nocookie.com/embed/",
    "player.vimeo.com/video/",    "player.bilibili.com/player.html", "www.google.com/maps/embed",
};

bool frame_source(std::string& url) {
    std::string_view rest = url;
    if (rest.substr(0, 8) == "https://") rest.remove_prefix(8);
    else if (rest.substr(0, 7) == "http://") rest.remove_prefix(7);
    else if (rest.substr(0, 2) == "//") rest.remove_prefix(2);
    else return false;
    for (const char* prefix : kFrameSources) {
        const size_t n = std::strlen(prefix);
        if (rest.substr(0, n) == prefix) {
            url = "https://" + std::string(rest);
            return true;
        }
    }
    return false;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; }

bool value_fits(Attr kind, std::string_view v) {
    auto all = [&](auto ok) {
        for (char c : v)
            if (!ok(c)) return false;
        return true;
    };
    switch (kind) {
        case Attr::Id: return !v.empty() && all([](char c) { return is_alnum(c) || c == '-' || c == '_'; });
        case Attr::Class: return all([](char c) { return is_alnum(c) || c == '-' || c == '_' || c == ' '; });
        case Attr::Number: return !v.empty() && all([](char c) { return is_digit(c) || c == '%' || c == '-' || c == '.'; });
        case Attr::Word: return all([](char c) { return is_alnum(c) || c == '-'; });
        default: return true;
    }
}

enum class State : unsigned char {
    Data,
    CharRef,          // after '&' (in data or a value: ref_return says which)
    TagOpen,          // after '<'
    EndTagOpen,       // after "</"
    TagName,
    BeforeAttrName,
    AttrName,
    AfterAttrName,
    BeforeAttrValue,
    AttrValueDouble,
    AttrValueSingle,
    AttrValueUnquoted,
    AfterAttrValue,   // after a quoted value
    SelfClosing,      // after '/' in a tag
    MarkupOpen,       // after "<!": "--", "DOCTYPE", "[CDATA[" or a bogus comment
    Comment,          // inside <!-- -->
    BogusComment,     // to the next '>' (<? …>, <!x …>, </1…>, <!DOCTYPE …>, CDATA)
    RawText,          // the content of a raw element being dropped
    RawLess,          // "<" in it
    RawEndName,       // "</" and part of the name in it
    PlainText,        // after <plaintext>: everything
};

}  // namespace

struct HtmlSanitizer::State {
    SanitizeUrlFilter url_filter;
    size_t dropped = 0;

    blog::State state = blog::State::Data;
    blog::State ref_return = blog::State::Data;  // where a character reference was met

    // The tag being read.
    bool end_tag = false;
    bool self_closing = false;
    bool oversize = false;       // over kMaxTagBytes: dropped whole
    std::string name;
    const ElementRule* rule = nullptr;   // of `name`, once read (nullptr: not allowed)
    bool named = false;                  // `rule` looked up
    std::string attr_name;
    const AttrRule* attr_rule = nullptr;  // the attribute being read is allowed; nullptr: discarded
    std::string attr_value;
    struct Kept {
        const AttrRule* rule;
        std::string value;
    };
    std::vector<Kept> attrs;      // at most one per rule
    size_t tag_bytes = 0;

    std::string ref;              // a character reference being read, from '&'
    size_t markup_seen = 0;       // bytes after "<!" matched against "--", "DOCTYPE", "[CDATA["
    std::string markup;           // those bytes
    int comment_dashes = 0;       // '-' just before, in a comment
    bool comment_bang = false;    // "--!" just before
    size_t comment_length = 0;    // bytes of the comment read so far

    // Content being dropped: the element's name, its nesting (non-raw).
    std::string skip;
    size_t skip_depth = 0;
    size_t raw_matched = 0;       // bytes of "</name" matched in raw text

    std::vector<const ElementRule*> open;  // the elements written and not yet closed

    std::string text;             // text of the current chunk waiting to be escaped
    std::string scratch;

    bool skipping() const { return !skip.empty(); }

    void start_tag(bool is_end, char first) {
        end_tag = is_end;
        self_closing = false;
        oversize = false;
        name.assign(1, lower(first));
        rule = nullptr;
        named = false;
        attrs.clear();
        attr_rule = nullptr;
        tag_bytes = 1;
        state = blog::State::TagName;
    }

    void count_bytes(size_t n) {
        tag_bytes += n;
        if (tag_bytes > kMaxTagBytes) oversize = true;
    }

    void name_done() {
        if (!named) rule = element_rule(name), named = true;
    }

    void attr_start(char first) {
        name_done();
        attr_name.assign(1, lower(first));
        attr_value.clear();
        attr_rule = nullptr;
        count_bytes(1);
        state = blog::State::AttrName;
    }

    // The attribute's name is read: is it one we keep (first occurrence only)?
    void attr_name_done() {
        attr_rule = nullptr;
        if (end_tag || !rule) return;
        for (const AttrRule* a = rule->attrs; a->name; ++a) {
            if (attr_name == a->name) {
                for (const Kept& k : attrs)
                    if (k.rule == a) return;  // a repeat: the browser keeps the first
                attr_rule = a;
                return;
            }
        }
        ++dropped;
    }

    void attr_done() {
        if (attr_rule && !oversize) attrs.push_back({attr_rule, std::move(attr_value)});
        attr_rule = nullptr;
        attr_value.clear();
    }

    void value_append(const char* s, size_t n) {
        if (!attr_rule || oversize) return;
        attr_value.append(s, n);
        count_bytes(n);
    }

    void flush_text(std::string& out) {
        if (!text.empty()) {
            html_escape_append(out, text);
            text.clear();
        }
    }

    void text_append(const char* s, size_t n) {
        if (!skipping()) text.append(s, n);
    }

    // A character reference ends at `c` (not consumed): decoded into the
    // text or value it is in, or kept as the characters it was.
    void ref_done() {
        std::string decoded;
        bool ok = false;
        if (ref.size() > 2 && ref[1] == '#') {
            const bool hex = ref[2] == 'x' || ref[2] == 'X';
            unsigned long cp = 0;
            size_t digits = 0;
            for (size_t i = hex ? 3 : 2; i < ref.size() && ref[i] != ';'; ++i, ++digits) {
                const char c = ref[i];
                const unsigned d = is_digit(c) ? unsigned(c - '0') : unsigned(lower(c) - 'a' + 10);
                cp = cp * (hex ? 16 : 10) + d;
                if (cp > 0x10FFFF) cp = 0x110000;
            }
            if (digits > 0) {
                if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
                utf8_append(decoded, unsigned(cp));
                ok = true;
            }
        } else if (ref.size() > 2 && ref.back() == ';') {
            unsigned cp[2];
            if (int n = html_entity_codepoints(ref, cp)) {
                utf8_append(decoded, cp[0]);
                if (n == 2) utf8_append(decoded, cp[1]);
                ok = true;
            }
        }
        const std::string& piece = ok ? decoded : ref;
        if (ref_return == blog::State::Data) text_append(piece.data(), piece.size());
        else value_append(piece.data(), piece.size());
        ref.clear();
        state = ref_return;
    }

    void open_push(const ElementRule* e) { open.push_back(e); }

    // A tag is read whole: written, dropped, or the start/end of dropped content.
    void emit_tag(std::string& out) {
        name_done();
        state = blog::State::Data;
        if (skipping()) {
            // Non-raw dropped content: only its own name's tags count.
            if (name == skip) {
                if (end_tag) {
                    if (--skip_depth == 0) skip.clear();
                } else if (!self_closing) {
                    ++skip_depth;
                }
            }
            return;
        }
        if (oversize) {
            ++dropped;
            return;
        }
        if (end_tag) {
            emit_end(out);
            return;
        }
        if (rule && rule->kind == Kind::Iframe) {
            if (emit_iframe(out)) return;
        }
        if (!rule || rule->kind == Kind::Iframe) {
            ++dropped;
            if (const ContentDrop* d = content_dropped(name)) {
                if (d->raw) {
                    skip = name;
                    state = name == "plaintext" ? blog::State::PlainText : blog::State::RawText;
                    raw_matched = 0;
                } else if (!self_closing) {
                    skip = name;
                    skip_depth = 1;
                }
            }
            return;
        }
        if (rule->kind != Kind::Void && open.size() >= kMaxDepth) {
            ++dropped;
            return;
        }
        flush_text(out);
        out += '<';
        out += rule->name;
        bool has_loading = false, muted = false;
        for (const Kept& k : attrs) muted |= std::strcmp(k.rule->name, "muted") == 0;
        for (Kept& k : attrs) {
            if (std::strcmp(k.rule->name, "loading") == 0) {
                if (k.value != "lazy" && k.value != "eager") {
                    ++dropped;
                    continue;
                }
                has_loading = true;
            }
            if (std::strcmp(k.rule->name, "autoplay") == 0 && !muted) {
                ++dropped;  // a page that starts playing sound: only muted
                continue;
            }
            write_attr(out, k);
        }
        if (std::strcmp(rule->name, "img") == 0 && !has_loading) out += " loading=\"lazy\"";
        if (std::strcmp(rule->name, "a") == 0) {
            for (const Kept& k : attrs) {
                if (std::strcmp(k.rule->name, "href") == 0 && (url_has_scheme(k.value) || k.value.substr(0, 2) == "//")) {
                    out += " rel=\"noopener noreferrer\"";
                    break;
                }
            }
        }
        out += '>';
        if (rule->kind != Kind::Void) open_push(rule);
    }

    // Writes one kept attribute; its value judged by its kind. (k.value
    // becomes the URL as the filter rewrote it, for the rel check.)
    void write_attr(std::string& out, Kept& k) {
        std::string& v = k.value;
        switch (k.rule->kind) {
            case Attr::Bool:
                out += ' ';
                out += k.rule->name;
                return;
            case Attr::Link:
            case Attr::Media:
                if (!url_ok(v, k.rule->kind == Attr::Link ? UrlUse::Link : UrlUse::Image)) {
                    ++dropped;
                    v.clear();
                    return;
                }
                out += ' ';
                out += k.rule->name;
                out += "=\"";
                url_escape_append(out, v);
                out += '"';
                return;
            case Attr::Srcset: {
                scratch.clear();
                if (!srcset(v, scratch)) {
                    ++dropped;
                    return;
                }
                out += " srcset=\"";
                out += scratch;
                out += '"';
                return;
            }
            default:
                if (!value_fits(k.rule->kind, v)) {
                    ++dropped;
                    return;
                }
                out += ' ';
                out += k.rule->name;
                out += "=\"";
                html_escape_append(out, v);
                out += '"';
                return;
        }
    }

    bool url_ok(std::string& url, UrlUse use) {
        if (url_filter) return url_filter(url, use);
        return url_is_safe(url, use);
    }

    // srcset's candidates ("a.png 1x, b.png 2x"), each URL judged as an
    // image's; a candidate refused is left out. False when none is left.
    bool srcset(std::string_view v, std::string& out) {
        size_t i = 0, kept = 0;
        while (i < v.size()) {
            while (i < v.size() && (is_ws(v[i]) || v[i] == ',')) ++i;
            if (i >= v.size()) break;
            size_t b = i;
            while (i < v.size() && !is_ws(v[i])) ++i;
            std::string url(v.substr(b, i - b));
            bool descriptors = true;
            if (!url.empty() && url.back() == ',') {
                while (!url.empty() && url.back() == ',') url.pop_back();
                descriptors = false;
            }
            std::string_view desc;
            if (descriptors) {
                while (i < v.size() && is_ws(v[i])) ++i;
                size_t d = i;
                while (i < v.size() && v[i] != ',') ++i;
                desc = v.substr(d, i - d);
                while (!desc.empty() && is_ws(desc.back())) desc.remove_suffix(1);
            }
            bool desc_ok = true;
            for (char c : desc) desc_ok &= is_digit(c) || c == '.' || c == 'w' || c == 'x' || c == ' ';
            if (url.empty() || !desc_ok || !url_ok(url, UrlUse::Image)) continue;
            if (kept++) out += ", ";
            url_escape_append(out, url);
            if (!desc.empty()) {
                out += ' ';
                out += desc;
            }
        }
        return kept > 0;
    }

    // An <iframe> from an allowed host, written sandboxed with its end tag
    // (its content is never read); false when it is to be dropped.
    bool emit_iframe(std::string& out) {
        std::string src;
        bool has_src = false;
        for (const Kept& k : attrs)
            if (std::strcmp(k.rule->name, "src") == 0) src = k.value, has_src = true;
        if (!has_src || !frame_source(src)) return false;
        if (!url_ok(src, UrlUse::Link) || !frame_source(src)) return false;  // as the filter left it
        flush_text(out);
        out += "<iframe src=\"";
        url_escape_append(out, src);
        out += '"';
        for (Kept& k : attrs)
            if (std::strcmp(k.rule->name, "src") != 0) write_attr(out, k);
        out += " sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\" loading=\"lazy\""
               " allowfullscreen referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>";
        skip = "iframe";  // its content, raw text to </iframe> (a browser ignores "/>" on it)
        state = blog::State::RawText;
        raw_matched = 0;
        return true;
    }

    void emit_end(std::string& out) {
        if (!rule || rule->kind == Kind::Void || rule->kind == Kind::Iframe) return;
        for (size_t i = open.size(); i-- > 0;) {
            if (open[i] == rule) {
                flush_text(out);
                while (open.size() > i) {
                    out += "</";
                    out += open.back()->name;
                    out += '>';
                    open.pop_back();
                }
                return;
            }
        }
    }

    void run(std::string_view s, std::string& out);
};

void HtmlSanitizer::State::run(std::string_view s, std::string& out) {
    using S = blog::State;
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const char c = s[i];
        switch (state) {
            case S::Data: {
                // A run of plain text at once.
                size_t j = i;
                while (j < n && s[j] != '<' && s[j] != '&' && s[j] != '\0') ++j;
                text_append(s.data() + i, j - i);
                i = j;
                if (i >= n) break;
                if (s[i] == '<') state = S::TagOpen;
                else if (s[i] == '&') { state = S::CharRef; ref_return = S::Data; ref.assign(1, '&'); }
                ++i;  // NUL dropped
                break;
            }
            case S::CharRef: {
                const bool numeric = ref.size() >= 2 && ref[1] == '#';
                bool part;
                if (ref.size() == 1) part = is_alnum(c) || c == '#';
                else if (numeric && ref.size() == 2) part = is_digit(c) || c == 'x' || c == 'X';
                else if (numeric) part = (ref[2] == 'x' || ref[2] == 'X') ? (is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f')) : is_digit(c);
                else part = is_alnum(c);
                if (c == ';' && ref.size() > 1) {
                    ref += ';';
                    ++i;
                    ref_done();
                } else if (part && ref.size() < kMaxRefBytes) {
                    ref += c;
                    ++i;
                } else {
                    ref_done();  // c read again where the reference was met
                }
                break;
            }
            case S::TagOpen:
                if (c == '!') { state = S::MarkupOpen; markup.clear(); ++i; }
                else if (c == '/') { state = S::EndTagOpen; ++i; }
                else if (is_alpha(c)) { start_tag(false, c); ++i; }
                else if (c == '?') { state = S::BogusComment; }
                else { text_append("<", 1); state = S::Data; }
                break;
            case S::EndTagOpen:
                if (is_alpha(c)) { start_tag(true, c); ++i; }
                else if (c == '>') { state = S::Data; ++i; }
                else { state = S::BogusComment; }
                break;
            case S::TagName:
                if (is_ws(c)) { name_done(); state = S::BeforeAttrName; }
                else if (c == '/') { name_done(); state = S::SelfClosing; }
                else if (c == '>') { emit_tag(out); }
                else { if (name.size() < 64) name += lower(c); else oversize = true; }
                ++i;
                break;
            case S::BeforeAttrName:
                if (is_ws(c)) ++i;
                else if (c == '/' || c == '>') state = S::AfterAttrName;
                else { attr_start(c); ++i; }
                break;
            case S::AttrName:
                if (is_ws(c) || c == '/' || c == '>') { attr_name_done(); state = S::AfterAttrName; }
                else if (c == '=') { attr_name_done(); state = S::BeforeAttrValue; ++i; }
                else { if (attr_name.size() < 64) attr_name += lower(c); else attr_name.back() = '\x01'; count_bytes(1); ++i; }
                break;
            case S::AfterAttrName:
                if (is_ws(c)) ++i;
                else if (c == '/') { attr_done(); state = S::SelfClosing; ++i; }
                else if (c == '=') { state = S::BeforeAttrValue; ++i; }
                else if (c == '>') { attr_done(); emit_tag(out); ++i; }
                else { attr_done(); attr_start(c); ++i; }
                break;
            case S::BeforeAttrValue:
                if (is_ws(c)) ++i;
                else if (c == '"') { state = S::AttrValueDouble; ++i; }
                else if (c == '\'') { state = S::AttrValueSingle; ++i; }
                else if (c == '>') { attr_done(); emit_tag(out); ++i; }
                else state = S::AttrValueUnquoted;
                break;
            case S::AttrValueDouble:
            case S::AttrValueSingle: {
                const char q = state == S::AttrValueDouble ? '"' : '\'';
                size_t j = i;
                while (j < n && s[j] != q && s[j] != '&') ++j;
                value_append(s.data() + i, j - i);
                count_bytes(attr_rule ? 0 : j - i);
                i = j;
                if (i >= n) break;
                if (s[i] == q) { attr_done(); state = S::AfterAttrValue; }
                else { ref_return = state; ref.assign(1, '&'); state = S::CharRef; }
                ++i;
                break;
            }
            case S::AttrValueUnquoted:
                if (is_ws(c)) { attr_done(); state = S::BeforeAttrName; }
                else if (c == '&') { ref_return = state; ref.assign(1, '&'); state = S::CharRef; }
                else if (c == '>') { attr_done(); emit_tag(out); }
                else { value_append(&c, 1); count_bytes(attr_rule ? 0 : 1); }
                ++i;
                break;
            case S::AfterAttrValue:
                if (is_ws(c)) { state = S::BeforeAttrName; ++i; }
                else if (c == '/') { state = S::SelfClosing; ++i; }
                else if (c == '>') { emit_tag(out); ++i; }
                else state = S::BeforeAttrName;
                break;
            case S::SelfClosing:
                if (c == '>') { self_closing = true; emit_tag(out); ++i; }
                else state = S::BeforeAttrName;
                break;
            case S::MarkupOpen: {
                // "<!" then "--" (a comment), else a bogus comment (DOCTYPE
                // and CDATA included: outside SVG and MathML they end at '>').
                markup += c;
                ++i;
                if (markup == "-") break;
                if (markup == "--") {
                    state = S::Comment;
                    comment_dashes = 0;
                    comment_bang = false;
                    comment_length = 0;
                    break;
                }
                state = S::BogusComment;
                if (c == '>') state = S::Data;
                break;
            }
            case S::Comment:
                // Ends at "-->", "--!>", or at once for "<!-->" and "<!--->".
                if (c == '>' && (comment_dashes >= 2 || comment_bang ||
                                 comment_length == 0 || (comment_length == 1 && comment_dashes == 1))) {
                    state = S::Data;
                } else if (c == '-') {
                    ++comment_dashes;
                    comment_bang = false;
                } else if (c == '!' && comment_dashes >= 2) {
                    comment_bang = true;
                    comment_dashes = 0;
                } else {
                    comment_dashes = 0;
                    comment_bang = false;
                }
                ++comment_length;
                ++i;
                break;
            case S::BogusComment: {
                const void* gt = std::memchr(s.data() + i, '>', n - i);
                if (!gt) { i = n; break; }
                i = size_t(static_cast<const char*>(gt) - s.data()) + 1;
                state = S::Data;
                break;
            }
            case S::RawText: {
                const void* lt = std::memchr(s.data() + i, '<', n - i);
                if (!lt) { i = n; break; }
                i = size_t(static_cast<const char*>(lt) - s.data()) + 1;
                state = S::RawLess;
                break;
            }
            case S::RawLess:
                if (c == '/') { state = S::RawEndName; raw_matched = 0; ++i; }
                else state = S::RawText;
                break;
            case S::RawEndName:
                if (raw_matched < skip.size()) {
                    if (lower(c) == skip[raw_matched]) { ++raw_matched; ++i; }
                    else state = S::RawText;
                } else if (is_ws(c) || c == '/' || c == '>') {
                    // "</script" read: the end tag, its attributes read and
                    // ignored; the content ends with it.
                    end_tag = true;
                    self_closing = false;
                    oversize = false;
                    name = skip;
                    rule = nullptr;
                    named = false;
                    attrs.clear();
                    attr_rule = nullptr;
                    tag_bytes = 0;
                    skip.clear();
                    state = S::TagName;  // c read there
                } else {
                    state = S::RawText;
                }
                break;
            case S::PlainText:
                i = n;
                break;
        }
    }
}

HtmlSanitizer::HtmlSanitizer(SanitizeUrlFilter url_filter) : state_(new State) {
    state_->url_filter = std::move(url_filter);
}
HtmlSanitizer::~HtmlSanitizer() { delete state_; }

void HtmlSanitizer::feed(std::string_view chunk, std::string& out) {
    state_->run(chunk, out);
    state_->flush_text(out);
}

void HtmlSanitizer::finish(std::string& out) {
    State& st = *state_;
    using S = blog::State;
    if (st.state == S::CharRef) st.ref_done();
    switch (st.state) {
        case S::Data: break;
        case S::TagOpen: st.text_append("<", 1); break;
        case S::EndTagOpen: st.text_append("</", 2); break;
        case S::TagName: case S::BeforeAttrName: case S::AttrName: case S::AfterAttrName:
        case S::BeforeAttrValue: case S::AttrValueDouble: case S::AttrValueSingle:
        case S::AttrValueUnquoted: case S::AfterAttrValue: case S::SelfClosing:
            if (!st.skipping() && !st.end_tag) ++st.dropped;  // a tag never finished
            break;
        default: break;
    }
    st.state = S::Data;
    st.skip.clear();
    st.flush_text(out);
    while (!st.open.empty()) {
        out += "</";
        out += st.open.back()->name;
        out += '>';
        st.open.pop_back();
    }
}

size_t HtmlSanitizer::dropped() const { return state_->dropped; }

std::string html_sanitize(std::string_view html, const SanitizeUrlFilter& url_filter, size_t* dropped) {
    HtmlSanitizer s(url_filter);
    std::string out;
    s.feed(html, out);
    s.finish(out);
    if (dropped) *dropped = s.dropped();
    return out;
}

}  // namespace blog
