#include "core/shortcode/shortcode.hpp"

#include <algorithm>
#include <cctype>

#include "core/html/escape.hpp"
#include "core/html/sanitize.hpp"
#include "core/url/url.hpp"

namespace blog {

namespace {

// One tag as written: an opening, a closing or a comment.
struct Tag {
    size_t begin = 0, end = 0;  // the bytes "{{<" … ">}}"
    char delim = '<';           // '<' or '%'
    bool closing = false;       // {{< /name >}}
    bool self_closing = false;  // {{< name />}}
    bool comment = false;       // {{</* … */>}}
    std::string literal;        // comment: the text it stands for
    std::string name;
    std::vector<ShortcodeArg> args;
    size_t line = 1;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '/' || c == '.';
}

// Reads the tag at text[at] ("{{"); false when it is not a well-formed one.
bool parse_tag(std::string_view text, size_t at, Tag& tag) {
    size_t i = at + 2;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || (text[i] != '<' && text[i] != '%')) return false;
    tag.delim = text[i++];
    const std::string close = std::string(1, tag.delim == '<' ? '>' : '%') + "}}";
    size_t j = i;
    while (j < text.size() && is_space(text[j])) ++j;
    if (text.compare(j, 2, "/*") == 0) {
        size_t c = text.find("*/", j + 2);
        if (c == std::string_view::npos) return false;
        size_t k = c + 2;
        while (k < text.size() && is_space(text[k])) ++k;
        if (text.compare(k, close.size(), close) != 0) return false;
        tag.comment = true;
        tag.literal = "{{" + std::string(1, tag.delim) + std::string(text.substr(j + 2, c - j - 2)) + close;
        tag.end = k + close.size();
        return true;
    }
    i = j;
    if (i < text.size() && text[i] == '/') {
        tag.closing = true;
        ++i;
        while (i < text.size() && is_space(text[i])) ++i;
    }
    size_t n = i;
    while (n < text.size() && name_char(text[n])) ++n;
    if (n == i) return false;
    tag.name = std::string(text.substr(i, n - i));
    i = n;
    for (;;) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i >= text.size()) return false;
        if (text.compare(i, close.size(), close) == 0) {
            tag.end = i + close.size();
            return true;
        }
        if (text[i] == '/' && text.compare(i + 1, close.size(), close) == 0) {
            tag.self_closing = true;
            tag.end = i + 1 + close.size();
            return !tag.closing;
        }
        if (tag.closing || tag.args.size() >= 64) return false;
        // A value: "…" (with \" escapes), `…`, or a bare word.
        auto value = [&](std::string& out, bool& quoted) {
            quoted = false;
            if (text[i] == '"' || text[i] == '`') {
                const char q = text[i++];
                for (; i < text.size() && text[i] != q; ++i) {
                    if (q == '"' && text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) ++i;
                    out.push_back(text[i]);
                }
                if (i >= text.size()) return false;
                ++i;
                quoted = true;
                return true;
            }
            size_t b = i;
            while (i < text.size() && !is_space(text[i]) && text[i] != '=' && text[i] != '"' &&
                   text.compare(i, close.size(), close) != 0 &&
                   !(text[i] == '/' && text.compare(i + 1, close.size(), close) == 0))
                ++i;
            out.assign(text.substr(b, i - b));
            return i > b;
        };
        ShortcodeArg arg;
        if (!value(arg.value, arg.quoted)) return false;
        if (!arg.quoted && i < text.size() && text[i] == '=') {
            ++i;
            arg.name = std::move(arg.value);
            arg.value.clear();
            if (i >= text.size() || !value(arg.value, arg.quoted)) {
                if (!(i < text.size() && (is_space(text[i]) || text[i] == tag.delim))) return false;
            }
        }
        tag.args.push_back(std::move(arg));
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string plain_of(std::string_view html) {
    std::string out;
    bool tag = false;
    for (size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '<') tag = true;
        else if (c == '>' && tag) {
            tag = false;
            out.push_back(' ');
        } else if (!tag) {
            if (c == '&') {
                static const std::pair<std::string_view, char> kRefs[] = {
                    {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
                bool done = false;
                for (const auto& r : kRefs)
                    if (html.compare(i, r.first.size(), r.first) == 0) {
                        out.push_back(r.second);
                        i += r.first.size() - 1;
                        done = true;
                        break;
                    }
                if (done) continue;
            }
            out.push_back(c);
        }
    }
    return out;
}

class Expander {
public:
    Expander(std::string_view text, const ShortcodeOptions& options, ShortcodeExpansion& result, std::string prefix)
        : text_(text), opt_(options), res_(result), prefix_(std::move(prefix)) {}

    void run() {
        scan();
        std::string out;
        expand(0, text_.size(), 0, tags_.size(), 0, true, out);
        res_.text = std::move(out);
    }

private:
    std::string_view text_;
    const ShortcodeOptions& opt_;
    ShortcodeExpansion& res_;
    std::string prefix_;
    std::vector<Tag> tags_;
    size_t ordinal_ = 0;
    size_t malformed_ = 0;

    void problem(ShortcodeProblem::Kind kind, size_t line, std::string message) {
        if (res_.problems.size() < 200) res_.problems.push_back({kind, line, std::move(message)});
    }

    void scan() {
        size_t line = opt_.first_line, counted = 0;
        bool over = false;
        for (size_t at = text_.find("{{"); at != std::string_view::npos; at = text_.find("{{", at + 2)) {
            line += size_t(std::count(text_.begin() + long(counted), text_.begin() + long(at), '\n'));
            counted = at;
            Tag tag;
            // A tag is at most 64 KB, and after 100 malformed ones the rest
            // is text: a hostile post costs linear time.
            if (malformed_ >= 100) break;
            if (!parse_tag(text_.substr(0, std::min(text_.size(), at + (size_t(64) << 10))), at, tag)) {
                size_t i = at + 2;
                while (i < text_.size() && is_space(text_[i])) ++i;
                if (i < text_.size() && (text_[i] == '<' || text_[i] == '%') && ++malformed_)
                    problem(ShortcodeProblem::Kind::Malformed, line,
                            std::string("a shortcode that is not well formed (an unclosed quote or no \"") +
                                (text_[i] == '<' ? ">" : "%") + "}}\"): left as text");
                continue;
            }
            if (tags_.size() >= kMaxShortcodes) {
                if (!over) problem(ShortcodeProblem::Kind::Malformed, line,
                                   "more than " + std::to_string(kMaxShortcodes) + " shortcodes: the rest are left as text");
                over = true;
                break;
            }
            tag.begin = at;
            tag.line = line;
            tags_.push_back(std::move(tag));
            at = tags_.back().end - 2;
        }
    }

    bool needs_inner(const Tag& t) const {
        if (opt_.templates)
            for (const auto& kv : *opt_.templates)
                if (kv.first == t.name) return kv.second.find(".Inner") != std::string::npos;
        return t.name == "highlight" || t.name == "details" || t.name == "collapse" || t.name == "rawhtml";
    }

    // The closing tag of tags_[k] among tags_[k+1, hi), or hi.
    size_t find_close(size_t k, size_t hi) const {
        const Tag& open = tags_[k];
        int depth = 0;
        for (size_t m = k + 1; m < hi; ++m) {
            const Tag& t = tags_[m];
            if (t.comment || t.name != open.name) continue;
            if (t.closing) {
                if (depth == 0) return m;
                --depth;
            } else if (!t.self_closing && needs_inner(t)) {
                ++depth;
            }
        }
        return hi;
    }

    void expand(size_t pos, size_t text_end, size_t lo, size_t hi, int depth, bool markdown, std::string& out) {
        for (size_t k = lo; k < hi;) {
            const Tag& t = tags_[k];
            out.append(text_.substr(pos, t.begin - pos));
            pos = t.end;
            if (t.comment) {
                // Shown as written, never read as a shortcode again (nor in a summary).
                if (markdown) {
                    place(html_escape(t.literal), true, out, false);
                    res_.fragments.back().text.clear();
                    res_.fragments.back().literal = true;
                } else {
                    out += t.literal;
                }
                ++k;
                continue;
            }
            if (t.closing) {
                problem(ShortcodeProblem::Kind::Malformed, t.line, "{{" + std::string(1, t.delim) + " /" + t.name + " " +
                                                                        (t.delim == '<' ? '>' : '%') + "}} closes no shortcode: left out");
                ++k;
                continue;
            }
            size_t close = t.self_closing ? hi : find_close(k, hi);
            const bool paired = close < hi;
            if (!paired && !t.self_closing && needs_inner(t)) {
                problem(ShortcodeProblem::Kind::Malformed, t.line,
                        "{{" + std::string(1, t.delim) + " " + t.name + " " + (t.delim == '<' ? '>' : '%') + "}} is never closed: left as text");
                out.append(text_.substr(t.begin, t.end - t.begin));
                ++k;
                continue;
            }
            if (depth >= kMaxShortcodeNesting) {
                problem(ShortcodeProblem::Kind::Malformed, t.line, "shortcodes nested too deep: left out");
                k = paired ? close + 1 : k + 1;
                pos = paired ? tags_[close].end : t.end;
                continue;
            }
            std::string inner;
            if (paired) {
                expand(t.end, tags_[close].begin, k + 1, close, depth + 1, markdown && t.delim == '%', inner);
                pos = tags_[close].end;
            }
            render(t, paired, inner, markdown, out);
            k = paired ? close + 1 : k + 1;
        }
        out.append(text_.substr(pos, text_end - pos));
    }

    // ------------------------------------------------ one shortcode

    struct Call {
        const Tag& tag;
        const std::string& inner;
        bool paired;
        bool is_named() const {
            for (const auto& a : tag.args)
                if (!a.name.empty()) return true;
            return false;
        }
        const ShortcodeArg* named(std::string_view name) const {
            for (const auto& a : tag.args)
                if (a.name == name) return &a;
            return nullptr;
        }
        std::string get(std::string_view name) const {
            const ShortcodeArg* a = named(name);
            return a ? a->value : std::string();
        }
        std::string at(size_t i) const {
            size_t seen = 0;
            for (const auto& a : tag.args)
                if (a.name.empty() && seen++ == i) return a.value;
            return {};
        }
        size_t positional() const {
            size_t n = 0;
            for (const auto& a : tag.args) n += a.name.empty();
            return n;
        }
        std::string get_or(std::string_view name, size_t i) const {
            std::string v = get(name);
            return v.empty() ? at(i) : v;
        }
    };

    // Places an HTML fragment: a token in Markdown, the HTML itself inside
    // another shortcode's output.
    void place(std::string html, bool markdown, std::string& out, bool is_url = false, std::string text = {}) {
        if (!markdown) {
            out += html;
            return;
        }
        ShortcodeFragment f;
        f.text = is_url ? std::move(text) : plain_of(html);
        f.html = std::move(html);
        f.is_url = is_url;
        out += prefix_ + std::to_string(res_.fragments.size()) + "-HBHB";
        res_.fragments.push_back(std::move(f));
    }

    // Markdown into the text: as it is in Markdown, rendered inside HTML.
    void place_markdown(std::string md, bool markdown, std::string& out) {
        if (markdown) out += md;
        else out += markdownify(md);
    }

    std::string markdownify(std::string_view md) const {
        return opt_.markdownify ? opt_.markdownify(md) : html_escape(md);
    }

    std::string url_attr(std::string_view url, UrlUse use) const {
        if (!url_is_safe(url, use)) return "#ZgotmplZ";  // what Go's html/template writes for an unsafe URL
        std::string out;
        url_escape_append(out, url);
        return out;
    }

    void unsupported(const Tag& t, std::string reason, const std::string& inner, bool markdown, std::string& out) {
        auto it = std::find_if(res_.unsupported.begin(), res_.unsupported.end(),
                               [&](const ShortcodeUnsupported& u) { return u.name == t.name && u.reason == reason; });
        if (it == res_.unsupported.end()) res_.unsupported.push_back({t.name, std::move(reason), 1});
        else ++it->count;
        if (!inner.empty()) place_markdown(inner, markdown, out);
    }

    void render(const Tag& t, bool paired, const std::string& inner, bool markdown, std::string& out) {
        ++ordinal_;
        Call c{t, inner, paired};
        const std::string& n = t.name;
        if (opt_.templates)
            for (const auto& kv : *opt_.templates)
                if (kv.first == n) return render_template(c, kv.second, markdown, out);
        if (n == "figure") return place(figure(c), markdown, out);
        if (n == "youtube") return place(youtube(c), markdown, out);
        if (n == "vimeo") return place(vimeo(c), markdown, out);
        if (n == "gist") return place(gist(c), markdown, out);
        if (n == "tweet" || n == "twitter" || n == "x") return place(tweet(c), markdown, out);
        if (n == "instagram") return place(instagram(c), markdown, out);
        if (n == "highlight") return place_markdown(highlight(c, out), markdown, out);
        if (n == "ref" || n == "relref") return ref(c, markdown, out);
        if (n == "param") return param(c, markdown, out);
        if (n == "details") return place(details(c), markdown, out);
        if (n == "collapse") return place(collapse(c), markdown, out);
        if (n == "rawhtml") return place(html_sanitize(inner), markdown, out);
        if (n == "inTextImg") return place(in_text_img(c), markdown, out);
        unsupported(t, "no template", inner, markdown, out);
    }

    void render_template(const Call& c, const std::string& text, bool markdown, std::string& out) {
        TemplateCall call;
        call.name = c.tag.name;
        call.args = &c.tag.args;
        call.is_named = c.is_named();
        call.inner = c.inner;
        call.ordinal = ordinal_ - 1;
        call.page_params = &opt_.page_params;
        call.site_params = opt_.site_params;
        call.markdownify = opt_.markdownify;
        TemplateOutput r = template_execute(text, call);
        if (!r.ok) return unsupported(c.tag, std::move(r.unsupported), c.inner, markdown, out);
        // {{% %}}: Markdown, whose raw HTML follows the blog's raw-HTML rule.
        if (c.tag.delim == '%') return place_markdown(std::move(r.html), markdown, out);
        place(html_sanitize(r.html), markdown, out);
    }

    // Hugo 0.111.3's figure.html, byte for byte (its whitespace included).
    std::string figure(const Call& c) const {
        const std::string link = c.get("link"), alt = c.get("alt"), caption = c.get("caption"), title = c.get("title"),
                          attr = c.get("attr"), attrlink = c.get("attrlink");
        std::string h = "<figure";
        if (auto cls = c.get("class"); !cls.empty()) h += " class=\"" + html_escape(cls) + "\"";
        h += ">";
        if (!link.empty()) {
            h += "<a href=\"" + url_attr(link, UrlUse::Link) + "\"";
            if (auto v = c.get("target"); !v.empty()) h += " target=\"" + html_escape(v) + "\"";
            if (auto v = c.get("rel"); !v.empty()) h += " rel=\"" + html_escape(v) + "\"";
            h += ">";
        }
        h += "<img src=\"" + url_attr(resolve(c.get("src")), UrlUse::Image) + "\"";
        if (!alt.empty() || !caption.empty())
            h += "\n         alt=\"" + html_escape(!alt.empty() ? alt : trim(plain_of(markdownify(caption)))) + "\"";
        if (auto v = c.get("width"); !v.empty()) h += " width=\"" + html_escape(v) + "\"";
        if (auto v = c.get("height"); !v.empty()) h += " height=\"" + html_escape(v) + "\"";
        h += "/>";
        if (!link.empty()) h += "</a>";
        if (!title.empty() || !caption.empty() || !attr.empty()) {
            h += "<figcaption>\n            ";
            if (!title.empty()) h += "<h4>" + html_escape(title) + "</h4>";
            if (!caption.empty() || !attr.empty()) {
                h += "<p>" + markdownify(caption);
                if (!attrlink.empty()) h += "\n                    <a href=\"" + url_attr(attrlink, UrlUse::Link) + "\">";
                h += markdownify(attr);
                if (!attrlink.empty()) h += "</a>";
                h += "</p>";
            }
            h += "\n        </figcaption>";
        }
        return h + "\n</figure>";
    }

    static std::string trim(std::string s) {
        size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
        return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    }

    std::string resolve(const std::string& url) const { return opt_.resolve_url ? opt_.resolve_url(url) : url; }

    // A video that a Content-Security-Policy without frames would blank:
    // Hugo's embed, privacy-enhanced and lazy, in a figure whose caption
    // links to the video.
    static std::string video(const std::string& cls, const std::string& src, const std::string& title,
                             const std::string& link, const std::string& site) {
        std::string h = "<figure class=\"video\"><div ";
        h += cls.empty() ? "style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\""
                         : "class=\"" + html_escape(cls) + "\"";
        h += ">\n  <iframe src=\"" + src + "\" ";
        if (cls.empty()) h += "style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" ";
        h += "allowfullscreen title=\"" + html_escape(title) + "\" loading=\"lazy\"></iframe>\n</div>";
        h += "<figcaption><a href=\"" + link + "\">" + html_escape(title) + " (" + site + ")</a></figcaption></figure>";
        return h;
    }

    static std::string id_part(const std::string& id) {
        std::string out;
        for (char ch : id)
            if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_') out.push_back(ch);
        return out;
    }

    std::string youtube(const Call& c) const {
        const std::string id = id_part(c.get_or("id", 0));
        const std::string cls = c.is_named() ? c.get("class") : c.at(1);
        std::string title = c.get("title");
        if (title.empty()) title = "YouTube Video";
        std::string query;
        auto add = [&](const std::string& k, const std::string& v) { query += (query.empty() ? "?" : "&amp;") + k + "=" + v; };
        if (c.get("autoplay") == "true") add("autoplay", "1");
        if (auto v = id_part(c.get("start")); !v.empty()) add("start", v);
        if (auto v = id_part(c.get("end")); !v.empty()) add("end", v);
        return video(cls, "https://www.youtube-nocookie.com/embed/" + id + query, title,
                     "https://www.youtube.com/watch?v=" + id, "YouTube");
    }

    std::string vimeo(const Call& c) const {
        const bool named = c.is_named();
        const std::string id = id_part(named ? c.get("id") : c.at(0));
        const std::string cls = named ? c.get("class") : c.at(1);
        std::string title = named ? c.get("title") : c.at(2);
        if (title.empty()) title = "vimeo video";
        return video(cls, "https://player.vimeo.com/video/" + id + "?dnt=1", title, "https://vimeo.com/" + id, "Vimeo");
    }

    // gist, tweet, instagram: a link card, no third-party script.
    static std::string card(const std::string& cls, const std::string& url, const std::string& label) {
        return "<blockquote class=\"" + cls + "\"><p><a href=\"" + url + "\">" + html_escape(label) + "</a></p></blockquote>";
    }

    std::string gist(const Call& c) const {
        const std::string user = id_part(c.at(0)), id = id_part(c.at(1)), file = c.at(2);
        std::string url = "https://gist.github.com/" + user + "/" + id;
        if (!file.empty()) url += "#file-" + id_part(lower(file));
        return card("gist", url, "Gist " + user + "/" + id + (file.empty() ? "" : " (" + file + ")") + " on GitHub");
    }

    std::string tweet(const Call& c) const {
        std::string user = c.is_named() ? c.get("user") : c.at(0);
        std::string id = c.is_named() ? c.get("id") : c.at(1);
        if (!c.is_named() && c.positional() == 1) {
            id = c.at(0);
            user = "x";
        }
        user = id_part(user);
        id = id_part(id);
        return card("twitter-tweet", "https://twitter.com/" + user + "/status/" + id, "A post by @" + user + " on X");
    }

    std::string instagram(const Call& c) const {
        const std::string id = id_part(c.at(0));
        return card("instagram-media", "https://www.instagram.com/p/" + id + "/", "A post on Instagram");
    }

    // A fenced code block with the options in its info string, as
    // ```go {linenos=table,hl_lines=[2,"4-5"]} is rendered.
    std::string highlight(const Call& c, const std::string& out) const {
        std::string code = c.inner;
        size_t b = code.find_first_not_of("\n\r"), e = code.find_last_not_of("\n\r");
        code = b == std::string::npos ? std::string() : code.substr(b, e - b + 1);
        size_t run = 0, longest = 0;
        for (char ch : code) longest = std::max(longest, run = ch == '`' ? run + 1 : 0);
        const std::string fence(std::max<size_t>(3, longest + 1), '`');
        std::string info = id_part(c.at(0));
        std::string opts;
        std::string given = c.at(1);
        for (size_t p = 0; p < given.size();) {
            size_t q = given.find(',', p);
            if (q == std::string::npos) q = given.size();
            std::string kv = trim(given.substr(p, q - p));
            p = q + 1;
            size_t eq = kv.find('=');
            if (kv.empty() || eq == std::string::npos) continue;
            std::string k = trim(kv.substr(0, eq)), v = trim(kv.substr(eq + 1));
            if (k == "hl_lines") {  // "2 4-5" → [2,"4-5"]
                std::string list;
                for (size_t s = 0; s < v.size();) {
                    size_t t = v.find(' ', s);
                    if (t == std::string::npos) t = v.size();
                    std::string item = v.substr(s, t - s);
                    s = t + 1;
                    if (item.empty()) continue;
                    list += (list.empty() ? "" : ",") + (item.find('-') != std::string::npos ? "\"" + item + "\"" : item);
                }
                v = "[" + list + "]";
            }
            opts += (opts.empty() ? "" : ",") + k + "=" + v;
        }
        if (!opts.empty()) info += " {" + opts + "}";
        const bool line_start = out.empty() || out.back() == '\n';
        return std::string(line_start ? "" : "\n") + fence + info + "\n" + code + "\n" + fence + "\n";
    }

    void ref(const Call& c, bool markdown, std::string& out) {
        const std::string target = c.get_or("path", 0);
        std::string url = opt_.ref ? opt_.ref(target) : std::string();
        if (url.empty()) {
            problem(ShortcodeProblem::Kind::MissingRef, c.tag.line,
                    "{{< " + c.tag.name + " \"" + target + "\" >}}: no page of the blog is \"" + target + "\"");
            url = "#";
        }
        std::string escaped;
        url_escape_append(escaped, url);
        place(escaped, markdown, out, true, url);
    }

    void param(const Call& c, bool markdown, std::string& out) {
        const std::string key = lower(c.at(0));
        for (const KeyValues* m : {&opt_.page_params, opt_.site_params}) {
            if (!m) continue;
            for (const auto& kv : *m)
                if (kv.first == key) return place(html_escape(kv.second), markdown, out);
        }
        problem(ShortcodeProblem::Kind::MissingParam, c.tag.line, "{{< param \"" + c.at(0) + "\" >}}: the post and the site have no such param");
    }

    // Hugo's details.html (newer than 0.111.3, which has none).
    std::string details(const Call& c) const {
        std::string h = "<details";
        if (auto v = c.get("class"); !v.empty()) h += " class=\"" + html_escape(v) + "\"";
        if (auto v = c.get("name"); !v.empty()) h += " name=\"" + html_escape(v) + "\"";
        if (auto v = c.get("open"); v == "true" || v == "1") h += " open";
        if (auto v = c.get("title"); !v.empty()) h += " title=\"" + html_escape(v) + "\"";
        std::string summary = c.get("summary");
        if (summary.empty()) summary = "Details";
        return h + ">\n\t<summary>" + markdownify(summary) + "</summary>\n\t" + markdownify(c.inner) + "</details>";
    }

    // PaperMod's collapse.html, without its <p> around the <details> (which
    // a browser splits into two empty paragraphs).
    std::string collapse(const Call& c) const {
        std::string h = "<details";
        if (c.get("openByDefault") == "true") h += " open";
        return h + ">\n  <summary markdown=\"span\">" + markdownify(c.get("summary")) + "</summary>\n  " +
               markdownify(c.inner) + "\n</details>";
    }

    std::string in_text_img(const Call& c) const {
        std::string height = c.get("height");
        if (height.empty()) height = "15";
        return "<img class=\"in-text\" height=\"" + html_escape(height) + "\" src=\"" +
               url_attr(resolve(c.get("url")), UrlUse::Image) + "\" alt=\"" + html_escape(c.get("alt")) + "\">";
    }
};

size_t count_of(std::string_view text, std::string_view what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

const ShortcodeFragment* ShortcodeExpansion::find(std::string_view text, size_t at, size_t* length) const {
    if (text.compare(at, token_prefix.size(), token_prefix) != 0) return nullptr;
    size_t i = at + token_prefix.size(), n = 0, digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 9) {
        n = n * 10 + size_t(text[i++] - '0');
        ++digits;
    }
    if (!digits || text.compare(i, 5, "-HBHB") != 0 || n >= fragments.size()) return nullptr;
    *length = i + 5 - at;
    return &fragments[n];
}

ShortcodeExpansion shortcode_expand(std::string_view markdown, const ShortcodeOptions& options) {
    ShortcodeExpansion result;
    if (markdown.find("{{") == std::string_view::npos) return result;
    // The nonce: a prefix found nowhere in what the output is made of. The
    // count of tokens in the result is checked too (the final value judged).
    for (unsigned nonce = 0; nonce < 1000; ++nonce) {
        std::string prefix = "HAHABLOGSC" + std::to_string(nonce) + "-";
        bool seen = markdown.find(prefix) != std::string_view::npos;
        if (options.templates)
            for (const auto& kv : *options.templates) seen = seen || kv.second.find(prefix) != std::string::npos;
        for (const auto& kv : options.page_params) seen = seen || kv.second.find(prefix) != std::string::npos;
        if (seen) continue;
        ShortcodeExpansion attempt;
        attempt.token_prefix = prefix;
        Expander(markdown, options, attempt, prefix).run();
        if (count_of(attempt.text, prefix) != attempt.fragments.size()) continue;
        attempt.expanded = true;
        return attempt;
    }
    return result;
}

KeyValues shortcode_front_matter_params(std::string_view block, bool yaml, bool toml) {
    KeyValues out;
    size_t pos = 0;
    while (pos < block.size() && out.size() < 200) {
        size_t nl = block.find('\n', pos);
        std::string_view line = block.substr(pos, (nl == std::string_view::npos ? block.size() : nl) - pos);
        pos = nl == std::string_view::npos ? block.size() : nl + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == ',')) line.remove_suffix(1);
        if (toml && !line.empty() && line[0] == '[') break;  // a table: the top level is over
        if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#') {
            if (yaml || toml) continue;
        }
        std::string_view l = line;
        while (!l.empty() && (l[0] == ' ' || l[0] == '\t')) l.remove_prefix(1);
        const char sep = yaml ? ':' : toml ? '=' : ':';
        size_t s = l.find(sep);
        if (s == std::string_view::npos || s == 0) continue;
        std::string key(l.substr(0, s));
        while (!key.empty() && key.back() == ' ') key.pop_back();
        if (!yaml && !toml) {  // JSON: "key"
            if (key.size() < 2 || key.front() != '"' || key.back() != '"') continue;
            key = key.substr(1, key.size() - 2);
        } else if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front()) {
            key = key.substr(1, key.size() - 2);
        }
        std::string_view v = l.substr(s + 1);
        while (!v.empty() && (v[0] == ' ' || v[0] == '\t')) v.remove_prefix(1);
        if (v.empty() || v[0] == '[' || v[0] == '{' || v[0] == '|' || v[0] == '>') continue;  // not a scalar
        std::string value;
        if (v[0] == '"' || v[0] == '\'') {
            const char q = v[0];
            size_t e = v.rfind(q);
            if (e == 0) continue;
            value = std::string(v.substr(1, e - 1));
            if (q == '"') {  // \" and \\ as written
                std::string u;
                for (size_t i = 0; i < value.size(); ++i) {
                    if (value[i] == '\\' && i + 1 < value.size()) ++i;
                    u.push_back(value[i]);
                }
                value = std::move(u);
            }
        } else if (!yaml && !toml) {
            continue;  // JSON: strings only
        } else {
            size_t hash = v.find(" #");
            value = std::string(v.substr(0, hash));
            while (!value.empty() && value.back() == ' ') value.pop_back();
        }
        out.emplace_back(lower(key), std::move(value));
    }
    return out;
}

}  // namespace blog
