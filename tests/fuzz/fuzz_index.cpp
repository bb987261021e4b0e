// The index parser (core/index) on arbitrary bytes. Properties:
//   - no crash; a failure names the file ("posts/index.json: ...") with code
//     "json" or "schema";
//   - every post kept has a valid slug (letters, digits, '-', '_', '.',
//     non-ASCII bytes), a non-blank title, a valid file (relative, no "..",
//     scheme, '\', '?', '#'), non-empty tags; slugs and positions are unique;
//     find() and find_by_file() find it; every string is valid UTF-8;
//   - posts are in Hugo's order: a weight before none, lower first, then
//     newest first, undated ones after the dated in file order;
//   - every problem names an entry ("posts[3]...", one left out) or a site
//     field, or is a repair note (bytes that were not UTF-8, now U+FFFD, for
//     input that was not UTF-8); entries left out are counted in
//     skipped_entries.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/index/post_index.hpp"
#include "fuzz_check.hpp"

namespace {

bool slug_ok(const std::string& s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c >= 0x80))
            return false;
    return true;
}

bool file_ok(const std::string& f) {
    if (f.empty() || f[0] == '/' || f.find_first_of(":\\?#") != std::string::npos) return false;
    size_t pos = f.compare(0, 3, "../") == 0 ? 3 : 0;  // the blog's root, never above it
    while (pos <= f.size()) {
        size_t end = f.find('/', pos);
        if (end == std::string::npos) end = f.size();
        if (f.compare(pos, end - pos, "..") == 0 && end - pos == 2) return false;
        pos = end + 1;
    }
    return true;
}

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Scope scope(data, size);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string source = "posts/index.json";
    auto parsed = blog::index_parse(text, source);
    if (!parsed) {
        const blog::Error& e = parsed.error();
        FUZZ_CHECK(e.code == "json" || e.code == "schema" || e.code == "too-large", "error code \"" + e.code + "\"");
        FUZZ_CHECK(starts_with(e.message, source + ": "), "the message does not name the file: " + e.message);
        return 0;
    }
    const blog::SiteIndex& site = parsed.value();
    FUZZ_CHECK(site.source == source, "source \"" + site.source + "\"");
    for (const std::string* s : {&site.title, &site.author, &site.description})
        FUZZ_CHECK(fuzz::valid_utf8(*s), "a site field is not valid UTF-8: \"" + fuzz::escaped(*s) + "\"");

    std::set<std::string> slugs;
    std::set<size_t> positions;
    for (size_t i = 0; i < site.posts.size(); ++i) {
        const blog::Post& p = site.posts[i];
        const std::string where = "posts[" + std::to_string(p.position) + "] (slug \"" + fuzz::escaped(p.slug) + "\")";
        FUZZ_CHECK(slug_ok(p.slug), where + ": invalid slug kept");
        FUZZ_CHECK(p.title.find_first_not_of(" \t\r\n") != std::string::npos, where + ": blank title kept");
        FUZZ_CHECK(file_ok(p.file), where + ": invalid file \"" + fuzz::escaped(p.file) + "\" kept");
        for (const std::string* s : {&p.slug, &p.title, &p.author, &p.file})
            FUZZ_CHECK(fuzz::valid_utf8(*s), where + ": a field is not valid UTF-8: \"" + fuzz::escaped(*s) + "\"");
        if (p.summary) FUZZ_CHECK(fuzz::valid_utf8(*p.summary), where + ": summary not valid UTF-8");
        for (const std::string& tag : p.tags) {
            FUZZ_CHECK(!tag.empty(), where + ": empty tag kept");
            FUZZ_CHECK(fuzz::valid_utf8(tag), where + ": tag not valid UTF-8");
        }
        FUZZ_CHECK(slugs.insert(p.slug).second, where + ": slug used twice");
        FUZZ_CHECK(positions.insert(p.position).second, where + ": position used twice");
        FUZZ_CHECK(site.find(p.slug) == &p, where + ": find() does not return it");
        const blog::Post* by_file = site.find_by_file(p.file);
        FUZZ_CHECK(by_file && by_file->file == p.file, where + ": find_by_file(\"" + fuzz::escaped(p.file) + "\") fails");
        if (p.author.empty()) FUZZ_CHECK(site.author.empty(), where + ": the site's author not inherited");

        if (i > 0) {
            const blog::Post& q = site.posts[i - 1];
            const std::string order = "posts[" + std::to_string(q.position) + "] listed before " + where;
            // Hugo's order: a weight before none, lower first; then by date.
            if (q.weight != p.weight) {
                FUZZ_CHECK(p.weight == 0 || (q.weight != 0 && q.weight < p.weight), order + ": not in weight order");
            } else if (q.date && p.date) {
                const int64_t a = blog::date_unix_seconds(*q.date), b = blog::date_unix_seconds(*p.date);
                FUZZ_CHECK(a > b || (a == b && q.position < p.position), order + ": not newest first");
            } else {
                FUZZ_CHECK(q.date || !p.date, order + ": an undated post before a dated one");
                if (!q.date && !p.date) FUZZ_CHECK(q.position < p.position, order + ": undated posts out of file order");
            }
        }
    }

    // Repair notes (a field holding bytes that were not UTF-8, now U+FFFD):
    // "<field>: not valid UTF-8; ..." or "<file>: not valid UTF-8 at line ...",
    // only for input that was not valid UTF-8; they leave the entry in.
    const bool input_utf8 = fuzz::valid_utf8(text);
    size_t entry_problems = 0;
    for (const std::string& problem : site.problems) {
        const std::string note = ": not valid UTF-8; the bad bytes are shown as \xEF\xBF\xBD";
        const bool repair = (problem.size() > note.size() &&
                             problem.compare(problem.size() - note.size(), note.size(), note) == 0) ||
                            starts_with(problem, source + ": not valid UTF-8 at line ");
        if (repair) {
            FUZZ_CHECK(!input_utf8, "a repair note for valid UTF-8 input: " + problem);
            continue;
        }
        // A post's optional field (description, weight, cover, categories, a
        // switch) that was bad: ignored or left out, the post kept.
        const bool kept = problem.size() > 9 && (problem.compare(problem.size() - 9, 9, "; ignored") == 0 ||
                                                 problem.compare(problem.size() - 10, 10, "; left out") == 0);
        if (starts_with(problem, "posts[") && kept) continue;
        if (starts_with(problem, "posts[")) {
            size_t close = problem.find(']');
            FUZZ_CHECK(close != std::string::npos && close > 6, "problem without an entry number: " + problem);
            const std::string number = problem.substr(6, close - 6);
            FUZZ_CHECK(number.find_first_not_of("0123456789") == std::string::npos, "problem without an entry number: " + problem);
            FUZZ_CHECK(!positions.count(std::stoul(number)), "an entry left out is still listed: " + problem);
            ++entry_problems;
        } else {
            bool site_field = false;
            for (const char* name : {"title", "author", "description", "unsafeHtml", "language", "menu", "homeInfo",
                                     "copyright", "defaultTheme", "showPageNums"})
                site_field = site_field || starts_with(problem, std::string(name) + ":") ||
                             starts_with(problem, std::string(name) + "[") || starts_with(problem, std::string(name) + ".");
            for (const blog::PostSwitchField& f : blog::kPostSwitchFields)
                site_field = site_field || starts_with(problem, std::string(f.name) + ":");
            FUZZ_CHECK(site_field, "a problem names neither an entry nor a site field: " + problem);
        }
    }
    FUZZ_CHECK(entry_problems == site.skipped_entries,
               std::to_string(entry_problems) + " entries left out with a problem, skipped_entries " +
                   std::to_string(site.skipped_entries));
    return 0;
}
