// The site folder as untrusted input: every file and folder the tool reads
// or publishes from SITE goes through here. A path is used only when its real
// path (every symbolic link resolved) stays inside SITE; a file is read only
// when its size, asked before reading, is within its limit; a walk visits each
// real folder once, so links that loop back cost nothing; and a bundle's file
// is published only when it cannot run script on the blog's origin.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace blog::tool {

// Limits on what the tool reads from SITE (SECURITY.md, "The site folder").
struct SiteLimits {
    static constexpr size_t kMaxConfigBytes = size_t(1) << 20;  // hugo.toml & co.: 1 MiB
    static constexpr size_t kMaxFolderDepth = 32;               // folders below the posts folder
    static constexpr size_t kMaxTermsPerPost = 100;             // tags, and categories, of one post
    static constexpr size_t kMaxTerms = 20000;                  // distinct tags, and categories, of the site
};

// SITE's real path (links resolved), or nullopt when it is not a folder.
std::optional<std::filesystem::path> site_root_of(const std::string& dir);

// Why `path` may not be read, "" when it may: every link resolved, it must
// stay inside `root` (SITE's real path), and reach nothing hidden below it
// (a link to .git/config would publish the token CI leaves there, one to
// .env the site's secrets). A path that does not exist is judged by its
// existing part: the caller then finds it missing. The reason is a whole
// message: "a symbolic link that leaves the site folder; refused".
std::string site_path_refusal(const std::filesystem::path& path, const std::filesystem::path& root);

// The entries of a folder, sorted by name (a build's files in the same
// order on every machine).
std::vector<std::filesystem::directory_entry> site_folder_entries(const std::filesystem::path& dir);

// A file read whole when its size is at most `max_bytes`. The size is asked
// before reading, and no more than `max_bytes` + 1 bytes are read whatever it
// said (a file that grows, a device): `error` is set, in a reader's words,
// when it is too large or cannot be read ("is 3.0 GB, more than the 4.0 MB a
// post may have", `what` being "a post").
bool site_file_read(const std::filesystem::path& path, size_t max_bytes, const char* what, std::string& out,
                    std::string& error);

// What may be published from a post's folder (a page bundle's resources).
enum class BundleFileKind {
    Passive,  // images other than SVG, audio, video, PDF, plain text, fonts, data: published
    Svg,      // published when it holds no script, event handler, foreign object or outside link
    Active,   // HTML, JavaScript, anything a browser may run on the blog's origin: only on opt-in
};
BundleFileKind bundle_file_kind(const std::string& name);

// Why an SVG could run script on the blog's origin when opened ("a <script>
// element", "an event handler (onload)"), or "" when it is only a drawing.
std::string svg_active_content(const std::string& svg);

// `text` with every byte a terminal would act on (C0 controls but tab, DEL,
// the C1 controls U+0080–U+009F) and every byte that is not UTF-8 written as
// \xNN, so a file name or a post's text printed in a message cannot move the
// cursor, change colours or rewrite the line.
std::string terminal_safe(const std::string& text);

}  // namespace blog::tool
