#include "core/search/fulltext_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "core/index/json_reader.hpp"
#include "core/index/post_index.hpp"
#include "core/search/tokenizer.hpp"
#include "core/util/utf8.hpp"

namespace blog {

namespace {

constexpr std::string_view kShardHeader = "wasm-blog-fts 1\n";
constexpr char kFieldLetters[kFieldCount] = {'t', 'g', 'h', 'b'};
constexpr const char* kFieldNames[kFieldCount] = {"title", "tags", "headings", "body"};
constexpr size_t kManifestMaxBytes = size_t(64) << 20;
constexpr size_t kDocMaxBytes = size_t(16) << 20;
constexpr size_t kShardMaxBytes = size_t(64) << 20;
constexpr size_t kMaxDocs = 10000000;

// ------------------------------------------------------------------ writing

void json_string_append(std::string& out, std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (c < 0x20) {
            out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\u00";
            if (c != '\n' && c != '\t') {
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 15]);
            }
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
}

// Valid UTF-8 (a JSON text must be): the text, or its repair.
std::string valid_utf8(std::string_view s) {
    return utf8_valid_prefix(s) == s.size() ? std::string(s) : utf8_repair(s).text;
}

void json_strings_append(std::string& out, const std::vector<std::string>& items) {
    out.push_back('[');
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out.push_back(',');
        json_string_append(out, valid_utf8(items[i]));
    }
    out.push_back(']');
}

std::string base64(const std::vector<uint8_t>& bytes) {
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const uint32_t n = uint32_t(bytes[i]) << 16 | (i + 1 < bytes.size() ? uint32_t(bytes[i + 1]) << 8 : 0) |
                           (i + 2 < bytes.size() ? bytes[i + 2] : 0);
        out.push_back(abc[n >> 18 & 63]);
        out.push_back(abc[n >> 12 & 63]);
        out.push_back(i + 1 < bytes.size() ? abc[n >> 6 & 63] : '=');
        out.push_back(i + 2 < bytes.size() ? abc[n & 63] : '=');
    }
    return out;
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

bool base64_decode(std::string_view s, std::vector<uint8_t>& out) {
    if (s.size() % 4) return false;
    out.reserve(s.size() / 4 * 3);
    for (size_t i = 0; i < s.size(); i += 4) {
        int v[4];
        size_t pad = 0;
        for (size_t k = 0; k < 4; ++k) {
            if (s[i + k] == '=' && i + 4 == s.size() && k >= 2) {
                v[k] = 0;
                ++pad;
            } else if (pad || (v[k] = base64_value(s[i + k])) < 0) {
                return false;
            }
        }
        const uint32_t n = uint32_t(v[0]) << 18 | uint32_t(v[1]) << 12 | uint32_t(v[2]) << 6 | uint32_t(v[3]);
        out.push_back(uint8_t(n >> 16));
        if (pad < 2) out.push_back(uint8_t(n >> 8));
        if (pad < 1) out.push_back(uint8_t(n));
    }
    return true;
}

// FNV-1a, 64 bits, as 16 hex digits: a shard's name from its bytes.
std::string content_hash(std::string_view bytes) {
    uint64_t h = 14695981039346656037ull;
    for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    static const char hex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (size_t i = 0; i < 16; ++i) out[15 - i] = hex[(h >> (4 * i)) & 15];
    return out;
}

std::string fixed2(double v) {
    const long long hundredths = std::llround(v * 100);
    std::string s = std::to_string(hundredths / 100) + ".";
    const long long frac = hundredths % 100;
    s += char('0' + frac / 10);
    s += char('0' + frac % 10);
    return s;
}

// One post's occurrences of a term: (position, field), ascending.
struct TermDoc {
    uint32_t doc;
    std::vector<std::pair<uint32_t, uint8_t>> at;
};

void postings_append(std::string& out, const std::vector<TermDoc>& docs) {
    uint32_t prev_doc = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
        if (i) out.push_back(' ');
        out += std::to_string(docs[i].doc - prev_doc);
        prev_doc = docs[i].doc;
        int field = -1;
        uint32_t prev = 0;
        for (const auto& [pos, f] : docs[i].at) {
            out.push_back(f == field ? ',' : kFieldLetters[f]);
            field = f;
            out += std::to_string(pos - prev);
            prev = pos;
        }
    }
}

// The text of one post indexed into `terms`; its lengths and its sections'
// first positions returned.
struct Indexed {
    std::array<uint32_t, kFieldCount> lengths{};
    uint32_t body_at = 0;
    std::vector<uint32_t> section_at;
};

Indexed index_document(const FulltextDocument& d, uint32_t doc, const Tokenizer& tokenizer,
                       std::unordered_map<std::string, std::vector<TermDoc>>& terms) {
    Indexed out;
    size_t budget = kFulltextIndexedBytes;
    uint32_t next = 0;
    std::vector<Token> tokens;
    const auto add = [&](std::string_view text, FulltextField field) {
        if (text.size() > budget) text = text.substr(0, utf8_truncate(text, budget).size());
        budget -= text.size();
        tokens.clear();
        tokenizer.tokenize(text, tokens);
        for (const Token& t : tokens) {
            if (t.term.empty() || std::any_of(t.term.begin(), t.term.end(), [](char c) {
                    return static_cast<unsigned char>(c) <= ' ';
                }))
                continue;  // a term the shard's lines cannot hold
            std::vector<TermDoc>& list = terms[t.term];
            if (list.empty() || list.back().doc != doc) list.push_back({doc, {}});
            list.back().at.emplace_back(next + t.position, uint8_t(field));
            ++out.lengths[field];
        }
        if (!tokens.empty()) next += tokens.back().position + 2;  // a gap: no phrase across
    };
    add(d.title, kFieldTitle);
    for (const std::string& tag : d.tags) add(tag, kFieldTags);
    out.body_at = next;
    for (const TextSection& s : d.sections) {
        out.section_at.push_back(next);
        add(s.heading_text, kFieldHeadings);
        add(s.text, kFieldBody);
    }
    return out;
}

std::string doc_file(const FulltextDocument& d, const Indexed& indexed) {
    std::string out = "{\"title\":";
    json_string_append(out, valid_utf8(d.title));
    out += ",\"route\":";
    json_string_append(out, valid_utf8(d.route));
    out += ",\"body\":" + std::to_string(indexed.body_at) + ",\"sections\":[";
    size_t stored = 0;
    for (size_t i = 0; i < d.sections.size() && i < kFulltextStoredSections; ++i) {
        const TextSection& s = d.sections[i];
        std::string_view text = s.text;
        const size_t room = kFulltextStoredBytes - std::min(stored, kFulltextStoredBytes);
        if (text.size() > room) text = text.substr(0, utf8_truncate(text, room).size());
        stored += text.size();
        if (i) out.push_back(',');
        out += "\n{\"id\":";
        json_string_append(out, valid_utf8(s.heading_id));
        out += ",\"heading\":";
        json_string_append(out, valid_utf8(s.heading_text));
        out += ",\"at\":" + std::to_string(indexed.section_at[i]) + ",\"text\":";
        json_string_append(out, valid_utf8(text));
        out.push_back('}');
    }
    out += "]}\n";
    return out;
}

// ------------------------------------------------------------------ reading

// A decimal number of at most 32 bits at s[i]; false when there is none or it overflows.
bool read_u32(std::string_view s, size_t& i, uint32_t& v) {
    const size_t start = i;
    uint64_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        n = n * 10 + uint64_t(s[i] - '0');
        if (n > UINT32_MAX) return false;
        ++i;
    }
    v = uint32_t(n);
    return i > start && i - start <= 10;
}

int field_of_letter(char c) {
    for (int f = 0; f < kFieldCount; ++f)
        if (kFieldLetters[f] == c) return f;
    return -1;
}

// Walks postings text; `out` gets them when given. False when the text does
// not follow the format (posts out of order, overflow, a stray byte).
bool postings_walk(std::string_view s, std::vector<FulltextPosting>* out, uint32_t& docs) {
    docs = 0;
    size_t i = 0;
    uint64_t doc = 0;
    while (i < s.size()) {
        uint32_t delta = 0;
        if (docs && s[i++] != ' ') return false;
        if (!read_u32(s, i, delta)) return false;
        if (docs && delta == 0) return false;
        doc += delta;
        if (doc > UINT32_MAX) return false;
        ++docs;
        FulltextPosting* p = nullptr;
        if (out) {
            p = &out->emplace_back();
            p->doc = uint32_t(doc);
        }
        int field = -1;
        uint64_t pos = 0;
        bool first = true;
        while (i < s.size() && s[i] != ' ') {
            const char c = s[i++];
            if (c != ',') field = field_of_letter(c);
            else if (first) return false;
            if (field < 0) return false;
            if (!read_u32(s, i, delta)) return false;
            if (!first && delta == 0) return false;
            pos += delta;
            if (pos > UINT32_MAX) return false;
            first = false;
            if (p) {
                p->positions.push_back(uint32_t(pos));
                p->fields.push_back(uint8_t(field));
                ++p->tf[size_t(field)];
            }
        }
        if (first) return false;  // a post without positions
    }
    return true;
}

double number_value(const JsonNumber& n) {
    if (n.kind == JsonNumber::Unsigned) return double(n.unsigned_integer);
    if (n.kind == JsonNumber::Integer) return double(n.integer);
    return std::strtod(std::string(n.text).c_str(), nullptr);
}

// A JSON reader's handler that knows where it is: the depth and the keys
// of the objects open; the first problem met is kept.
struct PathHandler {
    size_t depth = 0;
    // Per depth: the current key ("" in an array); only the first few
    // depths are kept (deeper is wrong anyway), so that hostile nesting
    // costs no memory.
    std::vector<std::string> keys = std::vector<std::string>(8);
    std::string problem;

    void fail(std::string why) {
        if (problem.empty()) problem = std::move(why);
    }
    std::string_view key_at(size_t d) const { return d < keys.size() ? std::string_view(keys[d]) : std::string_view(); }
    void open() {
        ++depth;
        if (depth < keys.size()) keys[depth].clear();
    }
    void close() { --depth; }
    void key(std::string_view k) {
        if (depth < keys.size()) keys[depth].assign(k);
    }
};

struct ManifestHandler : PathHandler {
    FulltextManifest m;
    std::string lengths;
    double version = 0, docs = -1;
    size_t weights = 0, average = 0;

    void start_object() {
        if (depth != 0) fail("an object where none belongs (in \"" + std::string(key_at(1)) + "\")");
        open();
    }
    void end_object() { close(); }
    void start_array() {
        if (depth == 0) fail("expected an object at the top");
        else if (depth != 1) fail("an array where none belongs (in \"" + std::string(key_at(1)) + "\")");
        open();
    }
    void end_array() { close(); }
    void string(std::string_view s) {
        const std::string_view k = key_at(1);
        if (depth == 1) {
            if (k == "lang") m.language.assign(s);
            else if (k == "stemmer") m.stemmer.assign(s);
            else if (k == "lengths") lengths.assign(s);
            else fail("\"" + std::string(k) + "\": a string where none belongs");
        } else if (depth == 2) {
            if (k == "starts") m.shard_starts.emplace_back(s);
            else if (k == "files") m.shard_files.emplace_back(s);
            else if (k == "slugs") m.slugs.emplace_back(s);
            else if (k != "fields") fail("\"" + std::string(k) + "\": a string where none belongs");
        }
    }
    void number(const JsonNumber& n) {
        const std::string_view k = key_at(1);
        const double v = number_value(n);
        if (depth == 1 && k == "version") version = v;
        else if (depth == 1 && k == "docs") docs = v;
        else if (depth == 2 && k == "weights" && weights < kFieldCount) m.weights[weights++] = v;
        else if (depth == 2 && k == "average" && average < kFieldCount) m.average[average++] = v;
        else fail("\"" + std::string(k) + "\": a number where none belongs");
    }
    void boolean(bool) { fail("\"" + std::string(key_at(1)) + "\": true or false where none belongs"); }
    void null() { fail("\"" + std::string(key_at(1)) + "\": null where none belongs"); }
};

struct DocHandler : PathHandler {
    FulltextDocFile d;
    void start_object() {
        if (depth == 0 || (depth == 2 && key_at(1) == "sections")) {
            if (depth == 2) d.sections.emplace_back();
            open();
        } else {
            fail("an object where none belongs");
            open();
        }
    }
    void end_object() { close(); }
    void start_array() {
        if (depth != 1 || key_at(1) != "sections") fail("an array where none belongs");
        open();
    }
    void end_array() { close(); }
    void string(std::string_view s) {
        if (depth == 1 && key_at(1) == "title") d.title.assign(s);
        else if (depth == 1 && key_at(1) == "route") d.route.assign(s);
        else if (depth == 3 && !d.sections.empty() && key_at(3) == "id") d.sections.back().id.assign(s);
        else if (depth == 3 && !d.sections.empty() && key_at(3) == "heading") d.sections.back().heading.assign(s);
        else if (depth == 3 && !d.sections.empty() && key_at(3) == "text") d.sections.back().text.assign(s);
        else fail("a string where none belongs");
    }
    void number(const JsonNumber& n) {
        const bool ok = n.kind == JsonNumber::Unsigned && n.unsigned_integer <= UINT32_MAX;
        if (ok && depth == 1 && key_at(1) == "body") d.body_at = uint32_t(n.unsigned_integer);
        else if (ok && depth == 3 && !d.sections.empty() && key_at(3) == "at") d.sections.back().at = uint32_t(n.unsigned_integer);
        else fail("a number where none belongs, or out of range");
    }
    void boolean(bool) { fail("true or false where none belongs"); }
    void null() { fail("null where none belongs"); }
};

}  // namespace

uint32_t fulltext_length_decode(uint8_t code) {
    if (code < 16) return code;
    return uint32_t(std::floor(16.0 * std::exp2((code - 16) / 16.0) + 0.5));
}

uint8_t fulltext_length_encode(uint32_t length) {
    if (length < 16) return uint8_t(length);
    unsigned lo = 16, hi = 255;  // the largest code whose length is at most `length`
    while (lo < hi) {
        const unsigned mid = (lo + hi + 1) / 2;
        if (fulltext_length_decode(uint8_t(mid)) <= length) lo = mid;
        else hi = mid - 1;
    }
    return uint8_t(lo);
}

std::string fulltext_doc_path(size_t doc) { return "d/" + std::to_string(doc) + ".json"; }

std::vector<FulltextFile> fulltext_build(const std::vector<FulltextDocument>& docs, std::string_view language) {
    const Tokenizer tokenizer(language);
    std::unordered_map<std::string, std::vector<TermDoc>> terms;
    std::vector<FulltextFile> doc_files;
    std::vector<uint8_t> lengths;
    std::array<double, kFieldCount> total{};
    for (size_t n = 0; n < docs.size(); ++n) {
        const Indexed indexed = index_document(docs[n], uint32_t(n), tokenizer, terms);
        for (size_t f = 0; f < kFieldCount; ++f) {
            lengths.push_back(fulltext_length_encode(indexed.lengths[f]));
            total[f] += indexed.lengths[f];
        }
        doc_files.push_back({"search/" + fulltext_doc_path(n), doc_file(docs[n], indexed)});
    }

    std::vector<const std::pair<const std::string, std::vector<TermDoc>>*> sorted;
    sorted.reserve(terms.size());
    for (const auto& t : terms) sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });

    std::vector<FulltextFile> shards;
    std::vector<std::string> starts, names;
    std::string shard(kShardHeader), line;
    std::string start;
    const auto close_shard = [&]() {
        const std::string name = "t/" + content_hash(shard) + ".txt";
        starts.push_back(starts.empty() ? std::string() : start);
        names.push_back(name);
        shards.push_back({"search/" + name, std::move(shard)});
        shard.assign(kShardHeader);
    };
    for (const auto* t : sorted) {
        line.assign(t->first);
        line.push_back('\t');
        postings_append(line, t->second);
        line.push_back('\n');
        if (shard.size() > kShardHeader.size() && shard.size() + line.size() > kFulltextShardBytes) close_shard();
        if (shard.size() == kShardHeader.size()) start = t->first;
        shard += line;
    }
    if (shard.size() > kShardHeader.size() || shards.empty()) close_shard();

    std::string m = "{\"version\":1,\"lang\":";
    json_string_append(m, valid_utf8(language));
    m += ",\"stemmer\":";
    json_string_append(m, tokenizer.stemmer_name() ? tokenizer.stemmer_name() : "");
    m += ",\"docs\":" + std::to_string(docs.size()) + ",\n\"fields\":[";
    for (size_t f = 0; f < kFieldCount; ++f) m += (f ? ",\"" : "\"") + std::string(kFieldNames[f]) + "\"";
    m += "],\"weights\":[";
    for (size_t f = 0; f < kFieldCount; ++f) m += (f ? "," : "") + fixed2(kFulltextWeights[f]);
    m += "],\"average\":[";
    for (size_t f = 0; f < kFieldCount; ++f) m += (f ? "," : "") + fixed2(docs.empty() ? 0 : total[f] / docs.size());
    m += "],\n\"starts\":";
    json_strings_append(m, starts);
    m += ",\n\"files\":";
    json_strings_append(m, names);
    m += ",\n\"slugs\":";
    std::vector<std::string> slugs;
    for (const FulltextDocument& d : docs) slugs.push_back(d.slug);
    json_strings_append(m, slugs);
    m += ",\n\"lengths\":\"" + base64(lengths) + "\"}\n";

    std::vector<FulltextFile> files;
    files.reserve(1 + shards.size() + doc_files.size());
    files.push_back({std::string(kFulltextManifestPath), std::move(m)});
    for (auto& f : shards) files.push_back(std::move(f));
    for (auto& f : doc_files) files.push_back(std::move(f));
    return files;
}

Result<FulltextManifest> fulltext_manifest_parse(std::string_view text) {
    const auto error = [](std::string why) { return Error{"fulltext-manifest", "search manifest: " + why}; };
    if (text.size() > kManifestMaxBytes) return error("larger than 64 MiB");
    if (utf8_valid_prefix(text) != text.size()) return error("not UTF-8");
    ManifestHandler h;
    JsonSyntaxError syntax;
    if (!json_read(text, h, syntax))
        return error("line " + std::to_string(syntax.line) + ", column " + std::to_string(syntax.column) + ": " + syntax.message);
    if (!h.problem.empty()) return error(h.problem);
    FulltextManifest& m = h.m;
    if (h.version != 1) return error("\"version\": expected 1");
    if (!(h.docs >= 0 && h.docs <= double(kMaxDocs)) || h.docs != std::floor(h.docs))
        return error("\"docs\": expected a count of posts up to 10,000,000");
    m.docs = size_t(h.docs);
    if (h.weights != kFieldCount || h.average != kFieldCount) return error("\"weights\" and \"average\": expected 4 numbers each");
    for (size_t f = 0; f < kFieldCount; ++f)
        if (!(m.weights[f] >= 0 && m.weights[f] <= 1e6) || !(m.average[f] >= 0 && m.average[f] <= 1e9))
            return error("\"weights\" and \"average\": numbers out of range");
    if (m.shard_starts.empty() || m.shard_starts.size() != m.shard_files.size())
        return error("\"starts\" and \"files\": expected as many shard starts as files, at least one");
    if (!m.shard_starts[0].empty()) return error("\"starts\": the first shard must start at \"\"");
    // Shards are files beside the manifest, as the index's are beside it.
    for (size_t i = 0; i < m.shard_files.size(); ++i)
        if (const char* why = index_file_problem(m.shard_files[i]))
            return error("\"files\"[" + std::to_string(i) + "] " + why + ", got \"" + m.shard_files[i] + "\"");
    for (size_t i = 1; i < m.shard_starts.size(); ++i)
        if (!(m.shard_starts[i - 1] < m.shard_starts[i])) return error("\"starts\": not in ascending order");
    if (m.slugs.size() != m.docs) return error("\"slugs\": expected one per post (" + std::to_string(m.docs) + ")");
    std::vector<uint8_t> bytes;
    if (!base64_decode(h.lengths, bytes) || bytes.size() != m.docs * kFieldCount)
        return error("\"lengths\": expected base64 of 4 bytes per post");
    m.lengths.resize(m.docs);
    for (size_t d = 0; d < m.docs; ++d)
        for (size_t f = 0; f < kFieldCount; ++f) m.lengths[d][f] = bytes[d * kFieldCount + f];
    return std::move(m);
}

Result<FulltextShard> fulltext_shard_parse(std::string_view text) {
    const auto error = [](std::string why) { return Error{"fulltext-shard", "search shard: " + why}; };
    if (text.size() > kShardMaxBytes) return error("larger than 64 MiB");
    if (text.substr(0, kShardHeader.size()) != kShardHeader) return error("it does not start with \"wasm-blog-fts 1\"");
    FulltextShard out;
    size_t line = 1;
    for (size_t i = kShardHeader.size(); i < text.size();) {
        ++line;
        size_t end = text.find('\n', i);
        if (end == std::string_view::npos) return error("line " + std::to_string(line) + ": no newline at its end");
        const std::string_view l = text.substr(i, end - i);
        i = end + 1;
        const size_t tab = l.find('\t');
        if (tab == std::string_view::npos || tab == 0) return error("line " + std::to_string(line) + ": expected a term, a tab, postings");
        const std::string_view term = l.substr(0, tab), postings = l.substr(tab + 1);
        if (!out.terms.empty() && !(out.terms.back() < term))
            return error("line " + std::to_string(line) + ": terms are not in ascending order");
        uint32_t docs = 0;
        if (!postings_walk(postings, nullptr, docs) || docs == 0)
            return error("line " + std::to_string(line) + ": postings that do not follow the format");
        out.terms.emplace_back(term);
        out.postings.emplace_back(postings);
        out.doc_counts.push_back(docs);
    }
    return out;
}

std::vector<FulltextPosting> fulltext_postings_decode(std::string_view postings) {
    std::vector<FulltextPosting> out;
    uint32_t docs = 0;
    if (!postings_walk(postings, &out, docs)) out.clear();
    return out;
}

Result<FulltextDocFile> fulltext_doc_parse(std::string_view text) {
    const auto error = [](std::string why) { return Error{"fulltext-doc", "search post file: " + why}; };
    if (text.size() > kDocMaxBytes) return error("larger than 16 MiB");
    if (utf8_valid_prefix(text) != text.size()) return error("not UTF-8");
    DocHandler h;
    JsonSyntaxError syntax;
    if (!json_read(text, h, syntax))
        return error("line " + std::to_string(syntax.line) + ", column " + std::to_string(syntax.column) + ": " + syntax.message);
    if (!h.problem.empty()) return error(h.problem);
    for (size_t i = 1; i < h.d.sections.size(); ++i)
        if (h.d.sections[i].at < h.d.sections[i - 1].at) return error("sections' \"at\" not in ascending order");
    return std::move(h.d);
}

}  // namespace blog
