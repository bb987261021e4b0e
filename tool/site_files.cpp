#include "tool/site_files.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "core/util/size_text.hpp"
#include "core/util/utf8.hpp"

namespace blog::tool {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::optional<fs::path> site_root_of(const std::string& dir) {
    std::error_code ec;
    fs::path real = fs::canonical(dir, ec);
    if (ec || !fs::is_directory(real, ec)) return std::nullopt;
    return real;
}

std::string site_path_refusal(const fs::path& path, const fs::path& root) {
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(fs::absolute(path, ec), ec);
    const std::string t = target.generic_string(), r = root.generic_string();
    if (ec || (t != r && t.compare(0, r.size() + 1, r + "/") != 0))
        return "a symbolic link that leaves the site folder; refused";
    for (size_t slash = t.find('/', r.size()); slash != std::string::npos; slash = t.find('/', slash + 1))
        if (slash + 1 < t.size() && t[slash + 1] == '.')
            return "a symbolic link to a hidden file or folder of the site (.git, .env…); refused";
    return {};
}

std::vector<fs::directory_entry> site_folder_entries(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e);
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    return entries;
}

bool site_file_read(const fs::path& path, size_t max_bytes, const char* what, std::string& out, std::string& error) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        error = "cannot be read: " + ec.message();
        return false;
    }
    auto too_big = [&](uintmax_t n, bool exact) {
        error = std::string(exact ? "is " : "is more than ") + size_text(size_t(n)) + ", more than the " +
                size_text(max_bytes) + " " + what + " may have";
        return false;
    };
    if (size > max_bytes) return too_big(size, true);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot be read";
        return false;
    }
    out.assign(size_t(size), '\0');
    in.read(out.data(), std::streamsize(size));
    if (size_t(in.gcount()) != size_t(size) && !in.eof()) {
        error = "cannot be read";
        return false;
    }
    out.resize(size_t(in.gcount()));
    // A file that grew since its size was asked: read no more than the limit allows.
    char extra[4096];
    while (in.read(extra, sizeof extra) || in.gcount() > 0) {
        out.append(extra, size_t(in.gcount()));
        if (out.size() > max_bytes) return too_big(max_bytes, false);
    }
    if (in.bad()) {
        error = "cannot be read";
        return false;
    }
    return true;
}

BundleFileKind bundle_file_kind(const std::string& name) {
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return BundleFileKind::Active;  // no type: a browser sniffs it
    const std::string ext = lower(name.substr(dot + 1));
    if (ext == "svg" || ext == "svgz") return ext == "svg" ? BundleFileKind::Svg : BundleFileKind::Active;
    static const char* const kPassive[] = {
        // images a browser only draws
        "png", "jpg", "jpeg", "jfif", "pjpeg", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic", "heif",
        // audio, video, subtitles
        "mp3", "ogg", "oga", "opus", "wav", "flac", "m4a", "aac", "weba", "mp4", "m4v", "webm", "ogv", "mov", "vtt",
        // documents and data shown as text or downloaded
        "pdf", "txt", "csv", "tsv", "json", "zip", "gz", "tgz", "tar", "xz", "bz2", "7z",
        // fonts
        "woff", "woff2", "ttf", "otf"};
    for (const char* p : kPassive)
        if (ext == p) return BundleFileKind::Passive;
    return BundleFileKind::Active;
}

std::string svg_active_content(const std::string& svg) {
    const std::string s = lower(svg);
    if (s.find("<!entity") != std::string::npos) return "an entity declaration";
    if (s.find("<?xml-stylesheet") != std::string::npos) return "a stylesheet processing instruction";
    if (s.find("http://www.w3.org/1999/xhtml") != std::string::npos) return "HTML elements";
    if (s.find("javascript:") != std::string::npos) return "a javascript: URL";
    for (size_t i = s.find('<'); i != std::string::npos; i = s.find('<', i + 1)) {
        size_t end = i + 1;
        while (end < s.size() && name_char(s[end])) ++end;
        std::string name = s.substr(i + 1, end - i - 1);
        const size_t colon = name.rfind(':');  // <svg:script>: the local name counts
        if (colon != std::string::npos) name.erase(0, colon + 1);
        static const char* const kActive[] = {"script", "foreignobject", "iframe", "embed", "object", "handler",
                                              "listener"};
        for (const char* a : kActive)
            if (name == a) return "a <" + name + "> element";
    }
    for (size_t i = s.find("on"); i != std::string::npos; i = s.find("on", i + 1)) {
        if (i > 0 && !space(s[i - 1]) && s[i - 1] != '"' && s[i - 1] != '\'' && s[i - 1] != '/' && s[i - 1] != ':')
            continue;
        size_t end = i + 2;
        while (end < s.size() && s[end] >= 'a' && s[end] <= 'z') ++end;
        if (end == i + 2) continue;
        size_t eq = end;
        while (eq < s.size() && space(s[eq])) ++eq;
        if (eq < s.size() && s[eq] == '=') return "an event handler (" + s.substr(i, end - i) + ")";
    }
    // Every link must stay in the drawing (#id) or be a plain web address;
    // animations may not change a link (their values are not links to check).
    for (size_t i = s.find("href"); i != std::string::npos; i = s.find("href", i + 1)) {
        size_t eq = i + 4;
        while (eq < s.size() && space(s[eq])) ++eq;
        if (eq >= s.size() || s[eq] != '=') continue;
        size_t v = eq + 1;
        while (v < s.size() && space(s[v])) ++v;
        if (v < s.size() && (s[v] == '"' || s[v] == '\'')) ++v;
        const bool in_drawing = v < s.size() && s[v] == '#';
        const bool web = s.compare(v, 7, "http://") == 0 || s.compare(v, 8, "https://") == 0;
        size_t close = s.find_first_of("\"'> \t\n", v);
        const std::string value = s.substr(v, close == std::string::npos ? std::string::npos : close - v);
        if ((!in_drawing && !web) || value.find('&') != std::string::npos)
            return "a link to " + (value.size() > 40 ? utf8_truncate(value, 40) + "..." : value);
    }
    if (s.find("attributename") != std::string::npos) {
        for (size_t i = s.find("attributename"); i != std::string::npos; i = s.find("attributename", i + 1)) {
            const size_t q = s.find_first_not_of(" \t\r\n=\"'", i + 13);
            if (q != std::string::npos && (s.compare(q, 4, "href") == 0 || s.compare(q, 10, "xlink:href") == 0))
                return "an animation of a link";
        }
    }
    return {};
}

std::string terminal_safe(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    std::string_view rest(text);
    auto escaped = [&](unsigned char c) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
    };
    while (!rest.empty()) {
        const size_t valid = utf8_valid_prefix(rest);
        for (size_t i = 0; i < valid; ++i) {
            const unsigned char c = static_cast<unsigned char>(rest[i]);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                escaped(c);
            } else if (c == 0xC2 && i + 1 < valid && static_cast<unsigned char>(rest[i + 1]) < 0xA0) {
                escaped(0xC2), escaped(static_cast<unsigned char>(rest[i + 1]));  // U+0080–U+009F: C1 controls
                ++i;
            } else {
                out.push_back(char(c));
            }
        }
        if (valid < rest.size()) {
            escaped(static_cast<unsigned char>(rest[valid]));
            rest.remove_prefix(valid + 1);
        } else {
            rest = {};
        }
    }
    return out;
}

}  // namespace blog::tool
