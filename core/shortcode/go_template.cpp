#include "core/shortcode/go_template.hpp"

#include <charconv>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/html/escape.hpp"

namespace blog {

namespace {

constexpr int kMaxDepth = 32;  // nested blocks and parentheses

// ------------------------------------------------------------------ values

struct Val {
    enum Kind { Nil, Str, Bool, Num, List, Dot, Page, Site, Map } kind = Nil;
    std::string s;
    bool b = false;
    double n = 0;
    std::vector<Val> list;
    bool safe = false;            // HTML already: printed as it is
    const KeyValues* map = nullptr;  // Map: the page's or the site's params

    static Val str(std::string v, bool safe = false) {
        Val x;
        x.kind = Str;
        x.s = std::move(v);
        x.safe = safe;
        return x;
    }
    static Val boolean(bool v) {
        Val x;
        x.kind = Bool;
        x.b = v;
        return x;
    }
    static Val number(double v) {
        Val x;
        x.kind = Num;
        x.n = v;
        return x;
    }
};

bool truthy(const Val& v) {
    switch (v.kind) {
        case Val::Nil: return false;
        case Val::Str: return !v.s.empty();
        case Val::Bool: return v.b;
        case Val::Num: return v.n != 0;
        case Val::List: return !v.list.empty();
        case Val::Map: return v.map && !v.map->empty();
        default: return true;
    }
}

// Numbers are whole (a shortcode's widths, counts, indexes): a fraction is
// text, which keeps printf's and strtod's float code out of the wasm engine.
std::string number_text(double n) { return std::to_string(static_cast<long long>(n)); }

// A whole number spelled as Go writes one ("12", "-3"), else false.
bool whole_number(std::string_view t, double& out) {
    long long v = 0;
    const char* b = t.data() + (!t.empty() && t[0] == '+');
    const auto r = std::from_chars(b, t.data() + t.size(), v);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size() || b == t.data() + t.size()) return false;
    out = static_cast<double>(v);
    return true;
}

std::string text_of(const Val& v) {
    switch (v.kind) {
        case Val::Str: return v.s;
        case Val::Bool: return v.b ? "true" : "false";
        case Val::Num: return number_text(v.n);
        case Val::List: {
            std::string out = "[";
            for (size_t i = 0; i < v.list.size(); ++i) out += (i ? " " : "") + text_of(v.list[i]);
            return out + "]";
        }
        default: return "";
    }
}

// A bare shortcode argument as Hugo types it: true/false, a number, else a string.
Val arg_value(const ShortcodeArg& a) {
    if (!a.quoted) {
        if (a.value == "true" || a.value == "false") return Val::boolean(a.value == "true");
        double d = 0;
        if (!a.value.empty() && (std::isdigit(static_cast<unsigned char>(a.value[0])) || a.value[0] == '-') &&
            whole_number(a.value, d))
            return Val::number(d);
    }
    return Val::str(a.value);
}

bool lower_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

Val lookup(const KeyValues* map, std::string_view key) {
    if (map)
        for (const auto& kv : *map)
            if (lower_equal(kv.first, key)) return Val::str(kv.second);
    return Val{};
}


// ------------------------------------------------------------------ syntax

struct Pipeline;

// One word of a command: a literal, ".", "$", ".A.B", "$x.A", a function's
// name, or "( pipeline )".
struct Operand {
    enum Kind { Literal, Field, Var, Func, Paren } kind = Literal;
    Val literal;
    std::string var;                 // Var/Field: "$x" ("" for "."); Func: its name
    std::vector<std::string> fields;  // .A.B
    std::shared_ptr<Pipeline> paren;
};

struct Command {
    std::vector<Operand> words;
};

struct Pipeline {
    std::vector<std::string> decl;  // $x := / $i, $e := (range)
    bool assign = false;            // "=" rather than ":="
    std::vector<Command> commands;
};

struct Node;
using List = std::vector<Node>;

struct Node {
    enum Kind { Text, Action, If, With, Range } kind = Text;
    std::string text;
    Pipeline pipe;
    List body;
    std::shared_ptr<Node> else_node;  // an "else if"/"else with": one If/With node
    List else_body;
};

struct Parser {
    std::string_view src;
    size_t pos = 0;
    std::string error;
    bool trim_next = false;  // the last action ended "-}}"

    // The next piece: text up to an action, or the action's inside.
    // Returns false at the end.
    struct Piece {
        bool action = false;
        std::string_view text;
    };
    bool next(Piece& p) {
        if (pos >= src.size()) return false;
        size_t open = src.find("{{", pos);
        if (open != pos) {
            size_t end = open == std::string_view::npos ? src.size() : open;
            std::string_view t = src.substr(pos, end - pos);
            if (trim_next) {
                size_t b = t.find_first_not_of(" \t\r\n");
                t = b == std::string_view::npos ? std::string_view() : t.substr(b);
            }
            // "{{- ": the text before loses its trailing space.
            if (open != std::string_view::npos && src.compare(open, 4, "{{- ") == 0) {
                size_t e = t.find_last_not_of(" \t\r\n");
                t = e == std::string_view::npos ? std::string_view() : t.substr(0, e + 1);
            }
            trim_next = false;
            pos = end;
            p = {false, t};
            return true;
        }
        size_t inner = open + 2;
        if (src.compare(inner, 2, "- ") == 0) inner += 2;
        size_t close;
        if (src.compare(inner, 2, "/*") == 0) {
            size_t c = src.find("*/", inner + 2);
            close = c == std::string_view::npos ? c : src.find("}}", c + 2);
        } else {
            // "}}" inside a string literal does not close the action.
            close = std::string_view::npos;
            char q = 0;
            for (size_t i = inner; i + 1 < src.size(); ++i) {
                char c = src[i];
                if (q) {
                    if (c == '\\' && q == '"') ++i;
                    else if (c == q) q = 0;
                } else if (c == '"' || c == '`') {
                    q = c;
                } else if (c == '}' && src[i + 1] == '}') {
                    close = i;
                    break;
                }
            }
        }
        if (close == std::string_view::npos) {
            error = "an action never closed";
            return false;
        }
        size_t end = close;
        trim_next = close >= 2 && src.compare(close - 2, 2, " -") == 0;
        if (trim_next) end -= 2;
        pos = close + 2;
        p = {true, src.substr(inner, end - inner)};
        return true;
    }
};

struct Lexer {
    std::string_view s;
    size_t i = 0;
    void skip() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    bool done() {
        skip();
        return i >= s.size();
    }
    bool peek(std::string_view t) {
        skip();
        return s.compare(i, t.size(), t) == 0;
    }
    static bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
    // A keyword at the start: "if", "else", … followed by a non-identifier byte.
    bool keyword(std::string_view k) {
        skip();
        if (s.compare(i, k.size(), k) != 0) return false;
        if (i + k.size() < s.size() && (ident_char(s[i + k.size()]) || s[i + k.size()] == '.')) return false;
        i += k.size();
        return true;
    }
};

struct TemplateParser {
    Parser p;
    std::string error;
    int depth = 0;

    bool fail(std::string why) {
        if (error.empty()) error = std::move(why);
        return false;
    }

    bool parse_operand(Lexer& lx, Operand& op) {
        lx.skip();
        if (lx.i >= lx.s.size()) return fail("an empty command");
        char c = lx.s[lx.i];
        if (c == '"' || c == '`') {
            std::string v;
            size_t j = lx.i + 1;
            for (; j < lx.s.size() && lx.s[j] != c; ++j) {
                if (c == '"' && lx.s[j] == '\\' && j + 1 < lx.s.size()) {
                    char e = lx.s[++j];
                    v.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                } else {
                    v.push_back(lx.s[j]);
                }
            }
            if (j >= lx.s.size()) return fail("a string never closed");
            lx.i = j + 1;
            op.kind = Operand::Literal;
            op.literal = Val::str(std::move(v));
            return true;
        }
        if (c == '(') {
            if (++depth > kMaxDepth) return fail("parentheses nested too deep");
            ++lx.i;
            size_t level = 1, j = lx.i;
            char q = 0;
            for (; j < lx.s.size(); ++j) {
                char d = lx.s[j];
                if (q) {
                    if (d == '\\' && q == '"') ++j;
                    else if (d == q) q = 0;
                } else if (d == '"' || d == '`') q = d;
                else if (d == '(') ++level;
                else if (d == ')' && --level == 0) break;
            }
            if (j >= lx.s.size()) return fail("a parenthesis never closed");
            op.kind = Operand::Paren;
            op.paren = std::make_shared<Pipeline>();
            Lexer sub{lx.s.substr(lx.i, j - lx.i)};
            if (!parse_pipeline(sub, *op.paren, false)) return false;
            lx.i = j + 1;
            --depth;
            return true;
        }
        size_t j = lx.i;
        while (j < lx.s.size() && (Lexer::ident_char(lx.s[j]) || lx.s[j] == '.' || lx.s[j] == '$' || lx.s[j] == '-' ||
                                   lx.s[j] == '+'))
            ++j;
        std::string_view w = lx.s.substr(lx.i, j - lx.i);
        if (w.empty()) return fail(std::string("the character '") + c + "'");
        lx.i = j;
        if (std::isdigit(static_cast<unsigned char>(w[0])) || ((w[0] == '-' || w[0] == '+') && w.size() > 1)) {
            std::string t(w);
            double d = 0;
            if (!whole_number(t, d)) return fail("the number " + t);
            op.kind = Operand::Literal;
            op.literal = Val::number(d);
            return true;
        }
        if (w == "true" || w == "false") {
            op.kind = Operand::Literal;
            op.literal = Val::boolean(w == "true");
            return true;
        }
        if (w == "nil") {
            op.kind = Operand::Literal;
            return true;
        }
        if (w[0] == '.' || w[0] == '$') {
            op.kind = w[0] == '$' ? Operand::Var : Operand::Field;
            size_t dot = w.find('.', 1);
            if (w[0] == '$') op.var = std::string(w.substr(0, dot));
            std::string_view rest = w[0] == '$' ? (dot == std::string_view::npos ? std::string_view() : w.substr(dot))
                                                : w;
            // ".A.B" → {"A", "B"}; "." alone → {}
            size_t k = 0;
            while (k < rest.size()) {
                size_t e = rest.find('.', k + 1);
                if (e == std::string_view::npos) e = rest.size();
                std::string_view f = rest.substr(k + 1, e - k - 1);
                if (!f.empty()) op.fields.emplace_back(f);
                k = e;
            }
            return true;
        }
        op.kind = Operand::Func;
        op.var = std::string(w);
        return true;
    }

    // "cmd | cmd | …", with "$x :=" / "$x =" / "$i, $e :=" before it.
    bool parse_pipeline(Lexer& lx, Pipeline& pipe, bool allow_decl) {
        if (allow_decl && lx.peek("$")) {
            size_t save = lx.i;
            std::vector<std::string> vars;
            for (;;) {
                lx.skip();
                size_t j = lx.i + 1;
                while (j < lx.s.size() && Lexer::ident_char(lx.s[j])) ++j;
                vars.emplace_back(lx.s.substr(lx.i, j - lx.i));
                lx.i = j;
                if (lx.peek(",")) {
                    ++lx.i;
                    if (!lx.peek("$")) break;
                    continue;
                }
                break;
            }
            if (lx.peek(":=")) {
                lx.i += 2;
                pipe.decl = std::move(vars);
            } else if (lx.peek("=") && !lx.peek("==")) {
                lx.i += 1;
                pipe.decl = std::move(vars);
                pipe.assign = true;
            } else {
                lx.i = save;
            }
        }
        Command cmd;
        for (;;) {
            if (lx.done()) break;
            if (lx.peek("|")) {
                ++lx.i;
                if (cmd.words.empty()) return fail("an empty command before '|'");
                pipe.commands.push_back(std::move(cmd));
                cmd = Command{};
                continue;
            }
            Operand op;
            if (!parse_operand(lx, op)) return false;
            cmd.words.push_back(std::move(op));
        }
        if (cmd.words.empty()) return fail("an empty pipeline");
        pipe.commands.push_back(std::move(cmd));
        return true;
    }

    // Parses nodes until {{ end }} / {{ else … }} (returned in `stop`) or the end.
    bool parse_list(List& out, std::string& stop, Lexer* stop_rest) {
        if (++depth > kMaxDepth) return fail("blocks nested too deep");
        Parser::Piece piece;
        while (p.next(piece)) {
            if (!piece.action) {
                if (!piece.text.empty()) {
                    Node n;
                    n.text = std::string(piece.text);
                    out.push_back(std::move(n));
                }
                continue;
            }
            std::string_view a = piece.text;
            size_t b = a.find_first_not_of(" \t\r\n");
            if (b == std::string_view::npos) return fail("an empty action");
            if (a.compare(b, 2, "/*") == 0) continue;  // a comment
            Lexer lx{a};
            if (lx.keyword("end")) {
                stop = "end";
                --depth;
                return true;
            }
            if (lx.keyword("else")) {
                stop = "else";
                if (stop_rest) *stop_rest = lx;
                --depth;
                return true;
            }
            Node n;
            if (lx.keyword("if")) n.kind = Node::If;
            else if (lx.keyword("with")) n.kind = Node::With;
            else if (lx.keyword("range")) n.kind = Node::Range;
            else if (lx.keyword("define") || lx.keyword("template") || lx.keyword("block") || lx.keyword("break") ||
                     lx.keyword("continue"))
                return fail("the action \"" + std::string(a.substr(b, a.find_first_of(" \t", b) - b)) + "\"");
            else n.kind = Node::Action;
            if (!parse_pipeline(lx, n.pipe, n.kind == Node::Action || n.kind == Node::Range || n.kind == Node::With || n.kind == Node::If))
                return false;
            if (n.kind != Node::Action && !parse_block(n)) return false;
            out.push_back(std::move(n));
        }
        if (!p.error.empty()) return fail(p.error);
        stop.clear();
        --depth;
        return true;
    }

    // The body of an if/with/range and its else branches, up to {{ end }}.
    bool parse_block(Node& n) {
        std::string stop;
        Lexer rest;
        if (!parse_list(n.body, stop, &rest)) return false;
        if (stop.empty()) return fail("a block without {{ end }}");
        if (stop == "end") return true;
        // else
        const bool else_if = n.kind != Node::Range && rest.keyword("if");
        const bool else_with = !else_if && n.kind != Node::Range && rest.keyword("with");
        if (else_if || else_with) {
            auto chained = std::make_shared<Node>();
            chained->kind = else_with ? Node::With : Node::If;
            if (!parse_pipeline(rest, chained->pipe, true)) return false;
            if (!parse_block(*chained)) return false;  // consumes the shared {{ end }}
            n.else_node = std::move(chained);
            return true;
        }
        if (!rest.done()) return fail("else followed by something");
        if (!parse_list(n.else_body, stop, nullptr)) return false;
        if (stop != "end") return fail("a block without {{ end }}");
        return true;
    }
};

// ------------------------------------------------------------------ evaluation

struct Scope {
    std::vector<std::pair<std::string, Val>> vars;
};

struct Evaluator {
    const TemplateCall& call;
    std::string out;
    std::string error;
    size_t steps = 0;
    std::vector<std::pair<std::string, Val>> vars;  // innermost last

    bool fail(std::string why) {
        if (error.empty()) error = std::move(why);
        return false;
    }
    bool step() { return ++steps <= kMaxTemplateSteps || fail("more than " + std::to_string(kMaxTemplateSteps) + " steps"); }

    Val dot_root() {
        Val v;
        v.kind = Val::Dot;
        return v;
    }

    bool get(const std::vector<Val>& args, Val& r) {
        if (args.size() != 1) return fail(".Get with " + std::to_string(args.size()) + " arguments");
        const auto& list = *call.args;
        if (args[0].kind == Val::Num) {
            size_t i = size_t(args[0].n), seen = 0;
            for (const auto& a : list)
                if (a.name.empty() && seen++ == i) {
                    r = arg_value(a);
                    return true;
                }
            r = Val{};
            return true;
        }
        for (const auto& a : list)
            if (!a.name.empty() && a.name == args[0].s) {
                r = arg_value(a);
                return true;
            }
        r = Val{};
        return true;
    }

    // v.name (a field, or a method when args are given).
    bool field(const Val& v, const std::string& name, const std::vector<Val>* args, Val& r) {
        switch (v.kind) {
            case Val::Dot:
                if (name == "Get") return args ? get(*args, r) : fail(".Get without an argument");
                if (name == "Inner" || name == "InnerDeindent") r = Val::str(std::string(call.inner), true);
                else if (name == "Name") r = Val::str(std::string(call.name));
                else if (name == "IsNamedParams") r = Val::boolean(call.is_named);
                else if (name == "Ordinal") r = Val::number(double(call.ordinal));
                else if (name == "Page") r.kind = Val::Page;
                else if (name == "Site") r.kind = Val::Site;
                else if (name == "Params") {
                    r = Val{};
                    r.kind = Val::List;
                    for (const auto& a : *call.args) r.list.push_back(arg_value(a));
                    if (call.is_named) return fail(".Params of named arguments");
                } else return fail("the field ." + name);
                break;
            case Val::Page:
                if (name == "Params") {
                    r = Val{};
                    r.kind = Val::Map;
                    r.map = call.page_params;
                } else if (name == "Param") {
                    if (!args || args->size() != 1) return fail(".Page.Param without one argument");
                    r = lookup(call.page_params, (*args)[0].s);
                    if (r.kind == Val::Nil) r = lookup(call.site_params, (*args)[0].s);
                } else if (name == "Title" || name == "Description" || name == "Date" || name == "Lang") {
                    r = lookup(call.page_params, name);
                } else if (name == "Site") {
                    r = Val{};
                    r.kind = Val::Site;
                } else return fail("the field .Page." + name);
                break;
            case Val::Site:
                if (name == "Params") {
                    r = Val{};
                    r.kind = Val::Map;
                    r.map = call.site_params;
                } else return fail("the field .Site." + name);
                break;
            case Val::Map: r = lookup(v.map, name); break;
            case Val::Nil: r = Val{}; break;  // Go: a missing key's fields are nil too (with html/template)
            default: return fail("the field ." + name + " of a " + (v.kind == Val::Str ? "string" : "value"));
        }
        if (args && name != "Get" && name != "Param") return fail("the method ." + name);
        return true;
    }

    bool operand(const Operand& op, const Val& dot, const std::vector<Val>* args, Val& r) {
        switch (op.kind) {
            case Operand::Literal: r = op.literal; return true;
            case Operand::Paren: return pipeline(*op.paren, dot, r);
            case Operand::Func: return fail("a function as a value");
            case Operand::Var:
            case Operand::Field: {
                Val cur;
                if (op.kind == Operand::Field) {
                    cur = dot;
                } else if (op.var == "$") {
                    cur = dot_root();
                } else {
                    bool found = false;
                    for (size_t i = vars.size(); i-- > 0;)
                        if (vars[i].first == op.var) {
                            cur = vars[i].second;
                            found = true;
                            break;
                        }
                    if (!found) return fail("the undefined variable " + op.var);
                }
                for (size_t i = 0; i < op.fields.size(); ++i) {
                    Val next;
                    if (!field(cur, op.fields[i], i + 1 == op.fields.size() ? args : nullptr, next)) return false;
                    cur = std::move(next);
                }
                if (args && op.fields.empty()) return fail("arguments after a value");
                r = std::move(cur);
                return true;
            }
        }
        return false;
    }

    static bool equal(const Val& a, const Val& b) {
        if (a.kind == Val::Num && b.kind == Val::Num) return a.n == b.n;
        if (a.kind == Val::Bool && b.kind == Val::Bool) return a.b == b.b;
        if (a.kind == Val::Nil || b.kind == Val::Nil) return a.kind == b.kind || !truthy(a.kind == Val::Nil ? b : a);
        return text_of(a) == text_of(b);
    }

    std::string printf_text(const std::vector<Val>& a) {
        std::string out;
        const std::string& f = a[0].s;
        size_t k = 1;
        for (size_t i = 0; i < f.size(); ++i) {
            if (f[i] != '%' || i + 1 >= f.size()) {
                out.push_back(f[i]);
                continue;
            }
            char c = f[++i];
            if (c == '%') {
                out.push_back('%');
                continue;
            }
            std::string v = k < a.size() ? text_of(a[k++]) : "%!" + std::string(1, c) + "(MISSING)";
            if (c == 'q') out += "\"" + v + "\"";
            else out += v;
        }
        return out;
    }

    bool function(const std::string& name, std::vector<Val>& a, Val& r) {
        const size_t n = a.size();
        auto need = [&](size_t k) { return n == k || fail(name + " with " + std::to_string(n) + " arguments"); };
        if (name == "markdownify") {
            if (!need(1)) return false;
            r = Val::str(call.markdownify ? call.markdownify(text_of(a[0])) : html_escape(text_of(a[0])), true);
        } else if (name == "safeHTML" || name == "safeHTMLAttr" || name == "safeURL" || name == "safeCSS") {
            if (!need(1)) return false;
            r = Val::str(text_of(a[0]), true);
        } else if (name == "htmlEscape") {
            if (!need(1)) return false;
            r = Val::str(html_escape(text_of(a[0])), true);
        } else if (name == "plainify") {
            if (!need(1)) return false;
            std::string t = text_of(a[0]), o;
            bool tag = false;
            for (char c : t) {
                if (c == '<') tag = true;
                else if (c == '>' && tag) tag = false;
                else if (!tag) o.push_back(c);
            }
            r = Val::str(std::move(o));
        } else if (name == "default") {
            if (!need(2)) return false;
            r = truthy(a[1]) ? a[1] : a[0];
        } else if (name == "printf") {
            if (n < 1) return fail("printf without a format");
            r = Val::str(printf_text(a));
        } else if (name == "print") {
            std::string o;
            for (size_t i = 0; i < n; ++i) o += text_of(a[i]);
            r = Val::str(std::move(o));
        } else if (name == "and" || name == "or") {
            if (n < 1) return fail(name + " without arguments");
            const bool is_and = name == "and";
            r = a.back();
            for (auto& v : a)
                if (truthy(v) != is_and) {
                    r = v;
                    break;
                }
        } else if (name == "not") {
            if (!need(1)) return false;
            r = Val::boolean(!truthy(a[0]));
        } else if (name == "eq") {
            if (n < 2) return fail("eq with fewer than two arguments");
            bool any = false;
            for (size_t i = 1; i < n; ++i) any = any || equal(a[0], a[i]);
            r = Val::boolean(any);
        } else if (name == "ne") {
            if (!need(2)) return false;
            r = Val::boolean(!equal(a[0], a[1]));
        } else if (name == "lt" || name == "le" || name == "gt" || name == "ge") {
            if (!need(2)) return false;
            int c;
            if (a[0].kind == Val::Num && a[1].kind == Val::Num) c = a[0].n < a[1].n ? -1 : a[0].n > a[1].n ? 1 : 0;
            else c = text_of(a[0]).compare(text_of(a[1]));
            r = Val::boolean(name == "lt" ? c < 0 : name == "le" ? c <= 0 : name == "gt" ? c > 0 : c >= 0);
        } else if (name == "lower" || name == "upper") {
            if (!need(1)) return false;
            std::string t = text_of(a[0]);
            for (char& c : t)
                c = char(name == "lower" ? std::tolower(static_cast<unsigned char>(c)) : std::toupper(static_cast<unsigned char>(c)));
            r = Val::str(std::move(t), a[0].safe);
        } else if (name == "trim") {
            if (!need(2)) return false;
            std::string t = text_of(a[0]), cut = text_of(a[1]);
            size_t b = t.find_first_not_of(cut), e = t.find_last_not_of(cut);
            r = Val::str(b == std::string::npos ? std::string() : t.substr(b, e - b + 1), a[0].safe);
        } else if (name == "strings.TrimSpace") {
            if (!need(1)) return false;
            std::string t = text_of(a[0]);
            size_t b = t.find_first_not_of(" \t\r\n"), e = t.find_last_not_of(" \t\r\n");
            r = Val::str(b == std::string::npos ? std::string() : t.substr(b, e - b + 1), a[0].safe);
        } else if (name == "len") {
            if (!need(1)) return false;
            r = Val::number(double(a[0].kind == Val::List ? a[0].list.size() : text_of(a[0]).size()));
        } else if (name == "index") {
            if (!need(2)) return false;
            if (a[0].kind == Val::List && a[1].kind == Val::Num) {
                size_t i = size_t(a[1].n);
                r = i < a[0].list.size() ? a[0].list[i] : Val{};
            } else if (a[0].kind == Val::Map) {
                r = lookup(a[0].map, text_of(a[1]));
            } else {
                return fail("index of a " + std::string(a[0].kind == Val::Str ? "string" : "value"));
            }
        } else if (name == "split") {
            if (!need(2)) return false;
            std::string t = text_of(a[0]), sep = text_of(a[1]);
            r = Val{};
            r.kind = Val::List;
            if (sep.empty()) return fail("split on an empty separator");
            for (size_t b = 0;;) {
                if (!step()) return false;
                size_t e = t.find(sep, b);
                r.list.push_back(Val::str(t.substr(b, e == std::string::npos ? std::string::npos : e - b)));
                if (e == std::string::npos) break;
                b = e + sep.size();
            }
        } else if (name == "replace") {
            if (!need(3)) return false;
            std::string t = text_of(a[0]), from = text_of(a[1]), to = text_of(a[2]), o;
            if (from.empty()) return fail("replace of an empty string");
            for (size_t b = 0;;) {
                size_t e = t.find(from, b);
                o.append(t, b, e == std::string::npos ? std::string::npos : e - b);
                if (e == std::string::npos) break;
                o += to;
                b = e + from.size();
                if (o.size() > kMaxTemplateOutput) return fail("output over the limit");
            }
            r = Val::str(std::move(o), a[0].safe);
        } else {
            return fail("the function \"" + name + "\"");
        }
        return true;
    }

    bool command(const Command& cmd, const Val& dot, const Val* piped, Val& r) {
        const Operand& head = cmd.words[0];
        std::vector<Val> args;
        for (size_t i = 1; i < cmd.words.size(); ++i) {
            Val v;
            if (!operand(cmd.words[i], dot, nullptr, v)) return false;
            args.push_back(std::move(v));
        }
        if (piped) args.push_back(*piped);
        if (head.kind == Operand::Func) return function(head.var, args, r);
        return operand(head, dot, args.empty() ? nullptr : &args, r);
    }

    bool pipeline(const Pipeline& p, const Val& dot, Val& r) {
        if (!step()) return false;
        bool first = true;
        for (const Command& c : p.commands) {
            Val next;
            if (!command(c, dot, first ? nullptr : &r, next)) return false;
            r = std::move(next);
            first = false;
        }
        return true;
    }

    void declare(const Pipeline& p, const Val& v) {
        if (p.decl.empty()) return;
        if (p.assign) {
            for (size_t i = vars.size(); i-- > 0;)
                if (vars[i].first == p.decl[0]) {
                    vars[i].second = v;
                    return;
                }
        }
        vars.emplace_back(p.decl[0], v);
    }

    void print(const Val& v) {
        if (v.kind == Val::Nil) return;
        std::string t = text_of(v);
        if (v.safe) out += t;
        else html_escape_append(out, t);
    }

    bool list(const List& nodes, const Val& dot) {
        const size_t scope = vars.size();
        for (const Node& n : nodes) {
            if (!step()) return false;
            if (out.size() > kMaxTemplateOutput) return fail("output over " + std::to_string(kMaxTemplateOutput) + " bytes");
            if (!node(n, dot)) return false;
        }
        vars.resize(scope);
        return true;
    }

    bool node(const Node& n, const Val& dot) {
        switch (n.kind) {
            case Node::Text: out += n.text; return true;
            case Node::Action: {
                Val v;
                if (!pipeline(n.pipe, dot, v)) return false;
                if (n.pipe.decl.empty()) print(v);
                else declare(n.pipe, v);
                return true;
            }
            case Node::If:
            case Node::With: {
                Val v;
                if (!pipeline(n.pipe, dot, v)) return false;
                const size_t scope = vars.size();
                if (truthy(v)) {
                    declare(n.pipe, v);
                    bool ok = list(n.body, n.kind == Node::With ? v : dot);
                    vars.resize(scope);
                    return ok;
                }
                if (n.else_node) return node(*n.else_node, dot);
                return list(n.else_body, dot);
            }
            case Node::Range: {
                Val v;
                Pipeline p = n.pipe;
                if (!pipeline(p, dot, v)) return false;
                if (v.kind == Val::Num) {  // range over an integer: 0..n-1
                    Val l;
                    l.kind = Val::List;
                    for (long long i = 0; i < (long long)v.n; ++i) {
                        if (!step()) return false;
                        l.list.push_back(Val::number(double(i)));
                    }
                    v = std::move(l);
                }
                if (v.kind != Val::List && v.kind != Val::Nil) return fail("range over a " + std::string(v.kind == Val::Str ? "string" : "value"));
                if (v.list.empty()) return list(n.else_body, dot);
                for (size_t i = 0; i < v.list.size(); ++i) {
                    const size_t scope = vars.size();
                    if (n.pipe.decl.size() == 1) vars.emplace_back(n.pipe.decl[0], v.list[i]);
                    if (n.pipe.decl.size() == 2) {
                        vars.emplace_back(n.pipe.decl[0], Val::number(double(i)));
                        vars.emplace_back(n.pipe.decl[1], v.list[i]);
                    }
                    bool ok = list(n.body, v.list[i]);
                    vars.resize(scope);
                    if (!ok) return false;
                }
                return true;
            }
        }
        return false;
    }
};

}  // namespace

TemplateOutput template_execute(std::string_view text, const TemplateCall& call) {
    TemplateOutput result;
    TemplateParser tp;
    tp.p.src = text;
    List nodes;
    std::string stop;
    if (!tp.parse_list(nodes, stop, nullptr) || !stop.empty()) {
        result.ok = false;
        result.unsupported = tp.error.empty() ? "{{ " + stop + " }} without a block" : tp.error;
        return result;
    }
    static const std::vector<ShortcodeArg> kNoArgs;
    TemplateCall c = call;
    if (!c.args) c.args = &kNoArgs;
    Evaluator ev{c, {}, {}, 0, {}};
    Val dot;
    dot.kind = Val::Dot;
    if (!ev.list(nodes, dot)) {
        result.ok = false;
        result.unsupported = ev.error;
        return result;
    }
    result.html = std::move(ev.out);
    return result;
}

}  // namespace blog
