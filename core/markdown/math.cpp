#include "core/markdown/math.hpp"

#include <array>

namespace blog {
namespace {

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

struct Scanner {
    std::string_view t;
    MathDelimiters mode;
    size_t budget;
    std::vector<MathSpan> spans;

    // The line [at, end of line) and where the next starts.
    size_t line_end(size_t at) const {
        const size_t nl = t.find('\n', at);
        return nl == std::string_view::npos ? t.size() : nl;
    }
    size_t next_line(size_t at) const {
        const size_t e = line_end(at);
        return e < t.size() ? e + 1 : e;
    }
    // Columns of indentation and the first other byte's offset.
    size_t indent(size_t at, size_t& first) const {
        size_t cols = 0;
        first = at;
        while (first < t.size() && (t[first] == ' ' || t[first] == '\t')) cols += t[first++] == '\t' ? 4 : 1;
        return cols;
    }
    bool blank(size_t at) const {
        size_t first;
        indent(at, first);
        return first >= t.size() || t[first] == '\n' || t[first] == '\r';
    }
    // A code fence's character and length at `first`, or 0.
    size_t fence(size_t first, char& ch) const {
        if (first >= t.size() || (t[first] != '`' && t[first] != '~')) return 0;
        ch = t[first];
        size_t n = 0;
        while (first + n < t.size() && t[first + n] == ch) ++n;
        return n >= 3 ? n : 0;
    }
    bool html_start(size_t first) const {
        if (first + 1 >= t.size() || t[first] != '<') return false;
        const char c = t[first + 1];
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }

    void run() {
        size_t at = 0;
        bool after_blank = true;
        while (at < t.size() && budget) {
            size_t first;
            const size_t cols = indent(at, first);
            if (blank(at)) {
                after_blank = true;
                at = next_line(at);
                continue;
            }
            char ch = 0;
            if (cols >= 4 && after_blank) {  // indented code (or a list's paragraph: left alone)
                at = next_line(at);
                continue;
            }
            after_blank = false;
            if (const size_t n = cols < 4 ? fence(first, ch) : 0) {
                at = skip_fence(next_line(at), ch, n);
                continue;
            }
            if (cols < 4 && html_start(first)) {  // an HTML block: to its blank line
                while (at < t.size() && !blank(at)) at = next_line(at);
                continue;
            }
            // A paragraph: its lines up to a blank line or a fence.
            size_t end = next_line(at);
            while (end < t.size() && !blank(end)) {
                size_t f;
                if (indent(end, f) < 4 && fence(f, ch)) break;
                end = next_line(end);
            }
            scan_inline(at, end);
            at = end;
        }
    }

    size_t skip_fence(size_t at, char ch, size_t n) const {
        while (at < t.size()) {
            size_t first;
            const size_t cols = indent(at, first);
            char c2 = 0;
            const size_t m = cols < 4 ? fence(first, c2) : 0;
            const size_t next = next_line(at);
            if (m >= n && c2 == ch) {
                size_t k = first + m;
                while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r')) ++k;
                if (k >= t.size() || t[k] == '\n') return next;
            }
            at = next;
        }
        return at;
    }

    // Code spans and formulas in [at, end): a paragraph's text.
    void scan_inline(size_t at, size_t end) {
        // no_closer[n]: a backtick run of n has no closing run after this offset.
        std::array<size_t, 16> no_closer{};
        size_t i = at;
        while (i < end && budget) {
            --budget;
            const char c = t[i];
            if (c == '\\' && i + 1 < end) {
                const char d = t[i + 1];
                if (d == '\\' && i + 2 < end && (t[i + 2] == '(' || t[i + 2] == '[')) {
                    if (formula(i, i + 3, end, true)) {
                        i = spans.back().end;
                        continue;
                    }
                } else if ((d == '(' || d == '[') && mode == MathDelimiters::Passthrough) {
                    if (formula(i, i + 2, end, false)) {
                        i = spans.back().end;
                        continue;
                    }
                }
                i += 2;  // an escaped character ("\`", "\\")
                continue;
            }
            if (c == '`') {
                size_t n = 0;
                while (i + n < end && t[i + n] == '`') ++n;
                const size_t slot = n < no_closer.size() ? n : 0;
                size_t close = std::string_view::npos;
                if (!slot || no_closer[slot] <= i) close = closing_run(i + n, end, n);
                if (close == std::string_view::npos) {
                    if (slot) no_closer[slot] = end;
                    i += n;
                } else {
                    i = close + n;
                }
                continue;
            }
            ++i;
        }
    }

    size_t closing_run(size_t from, size_t end, size_t n) {
        for (size_t j = from; j < end && budget; --budget) {
            if (t[j] != '`') {
                ++j;
                continue;
            }
            size_t m = 0;
            while (j + m < end && t[j + m] == '`') ++m;
            if (m == n) return j;
            j += m;
        }
        return std::string_view::npos;
    }

    // The formula opened at `open` (its TeX from `from`): found as KaTeX's
    // auto-render finds its end, over the text as the page holds it
    // (`escaped`: Markdown's backslash escapes undone).
    bool formula(size_t open, size_t from, size_t end, bool escaped) {
        const bool display = t[from - 1] == '[';
        const char close = display ? ']' : ')';
        auto next = [&](size_t j, char& c) {
            if (escaped && t[j] == '\\' && j + 1 < end && is_ascii_punct(t[j + 1])) {
                c = t[j + 1];
                return j + 2;
            }
            c = t[j];
            return j + 1;
        };
        std::string tex;
        int braces = 0;
        for (size_t j = from; j < end && budget; --budget) {
            char c;
            size_t j1 = next(j, c);
            if (c == '\\' && j1 < end) {
                char c2;
                const size_t j2 = next(j1, c2);
                if (braces <= 0 && c2 == close) {
                    size_t b = 0, e = tex.size();
                    while (b < e && (tex[b] == ' ' || tex[b] == '\n' || tex[b] == '\t' || tex[b] == '\r')) ++b;
                    while (e > b && (tex[e - 1] == ' ' || tex[e - 1] == '\n' || tex[e - 1] == '\t' || tex[e - 1] == '\r')) --e;
                    if (b == e) return false;  // "\(\)": nothing to typeset
                    spans.push_back({open, j2, display, tex.substr(b, e - b)});
                    return true;
                }
                tex.push_back(c);
                tex.push_back(c2);
                j = j2;
                continue;
            }
            if (c == '{') ++braces;
            if (c == '}') --braces;
            tex.push_back(c);
            j = j1;
        }
        return false;
    }
};

}  // namespace

std::vector<MathSpan> math_find(std::string_view markdown, MathDelimiters delimiters) {
    if (delimiters == MathDelimiters::None || markdown.find('\\') == std::string_view::npos) return {};
    Scanner s{markdown, delimiters, markdown.size() * 8 + 4096, {}};
    s.run();
    return std::move(s.spans);
}

}  // namespace blog
