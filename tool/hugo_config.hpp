// A Hugo site's configuration read and merged as Hugo 0.111 (`hugo`, the
// production environment) reads it: the first of hugo.toml, hugo.yaml,
// hugo.yml, hugo.json, config.toml, config.yaml, config.yml, config.json in
// SITE, then every config file under config/_default/ and then under
// config/production/, each merged over what came before (maps deeply, any
// other value replaced). Keys are case-insensitive, as Hugo lower-cases them.
// Hugo's rules, from its source (hugolib/config.go, config/configLoader.go,
// config/defaultConfigProvider.go, common/maps/params.go, langs/config.go,
// langs/language.go, navigation/menu.go, hugolib/site.go) and checked on
// Debian's hugo 0.111.3 where a test says so:
//  - in a config folder, hugo.* and config.* are the root; any other file is
//    the key named after it (params.toml is params); a file with a language,
//    NAME.LANG.EXT, goes to languages.LANG.menus for menu(s), to
//    languages.LANG.params for params, and to languages.LANG itself for any
//    other NAME;
//  - the key menu is read as menus (at the root and in each language);
//  - a language's menus replace the site's whole, its params overlay them key
//    by key, its title and languageCode replace the site's.
// Every file is read through site_files.hpp (links leaving SITE refused,
// SiteLimits::kMaxConfigBytes) and parsed by data_parse. Theme and module
// configs (themes/NAME/config.toml) and HUGO_* environment overrides are not
// read.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tool/data_tree.hpp"
#include "tool/front_matter.hpp"

namespace blog::tool {

// One entry of a menu, as the config writes it (Hugo's MenuEntry).
struct HugoMenuEntry {
    std::string name, url, page_ref, identifier, parent, title, pre, post;
    int weight = 0;
    std::string file;  // the config file (as shown) and line that wrote it
    size_t line = 0;
    // Hugo's key for the entry: its identifier, else its name.
    const std::string& key() const { return identifier.empty() ? name : identifier; }
};

// One named menu ("main"), entries in Hugo's order: by weight, an unset
// (0) weight after every set one, then by name (ASCII letters compared
// without case, then with), then by identifier. Entries sharing a key are
// kept once (the last in that order, as Hugo keeps it; the others are
// warnings). Children (parent set) are in the same list.
struct HugoMenu {
    std::string name;
    std::vector<HugoMenuEntry> entries;
};

struct HugoLanguage {
    std::string key;            // lower-cased, as Hugo keys it: "en", "pt-br"
    std::string language_code;  // its languageCode, else the site's
    std::string language_name;
    std::string title;          // its title, else the site's
    int weight = 0;
    std::string content_dir;    // its contentDir, else the site's, else "content"
    DataValue params;           // its own params (a Map, maybe empty); Hugo lays them over the site's, key by key
    std::vector<HugoMenu> menus;  // its own menus when it sets any, else the site's
    bool disabled = false;      // its disabled, or named in disableLanguages
};

// What the merged config says, Hugo's defaults filled in. Strings are "" when
// unset unless a default is given.
struct HugoConfig {
    std::vector<std::string> files;  // the files read, as shown ("SITE/hugo.toml"), in merge order
    // The merged config (a Map); lines are those of the file
    // hugo_config_origin names. Maps are in the order data_parse gives (file
    // order for YAML and JSON, key order for TOML): Hugo's own maps have no
    // order, so nothing here depends on it.
    DataValue root;

    std::string title;
    std::string base_url;
    std::string base_url_file;  // where baseURL is set ("" and 0 when it is not)
    size_t base_url_line = 0;
    std::string language_code;
    std::string default_content_language = "en";  // lower-cased, as Hugo compares it
    bool default_content_language_in_subdir = false;
    // Ordered as Hugo orders them: by weight, unset (0) weights last, then by
    // key. A site without `languages` has one, defaultContentLanguage, made of
    // the site's own settings.
    std::vector<HugoLanguage> languages;
    std::string copyright;
    int summary_length = 70;
    bool has_cjk_language = false;
    bool markup_unsafe = false;  // markup.goldmark.renderer.unsafe: the posts' raw HTML is kept
    bool math_passthrough = false;  // markup.goldmark.extensions.passthrough.enable: \( \) and \[ \] are math
    // Section -> pattern ("posts" -> "/:year/:slug/"), the
    // section trimmed of " " and "/" as Hugo trims it. Hugo 0.114's form
    // permalinks.page.SECTION is read too (Hugo 0.111 itself panics on it);
    // its section/taxonomy/term kinds are warnings, not read.
    std::vector<std::pair<std::string, std::string>> permalinks;
    // Singular -> plural, lower-cased; Hugo's default
    // {tag: tags, category: categories} when the key is absent, none when it
    // is an empty map.
    std::vector<std::pair<std::string, std::string>> taxonomies;
    bool disable_path_to_lower = false;
    bool ugly_urls = false;
    // pagination.pagerSize (Hugo 0.128's name) when set, else paginate;
    // Hugo 0.111's default is 10.
    int paginate = 10;
    std::vector<std::string> theme;  // a string or a list in the config; empty when unset

    DataValue params;                        // the merged params (a Map, maybe empty), keys as written
    std::string description;                 // params.description
    std::vector<std::string> authors;        // params.author: a string or a list of strings
    std::vector<std::string> main_sections;  // params.mainSections: a string or a list; empty when unset
    // The default content language's menus (the site's own, unless that
    // language sets menus); `main` is the one named "main" among them.
    std::vector<HugoMenu> menus;
    std::vector<HugoMenuEntry> main;

    // Each file read, as shown, with its own tree as placed in the merge
    // (params.toml holds {params: …}): what hugo_config_origin searches.
    std::vector<std::pair<std::string, DataValue>> sources;
};

struct HugoConfigRead {
    HugoConfig config;
    // Errors and warnings, in reading order: a file that cannot be read or
    // parsed ("SITE/config.yml", its line, the parser's message), a value of
    // the wrong kind ("params.mainSections: expected a string or a list of
    // strings, got a map"), no config at all.
    std::vector<Problem> problems;
    bool found = false;  // a root config file or config/_default/ exists
    bool ok() const;     // no error among problems
};

// Reads SITE's config. `site_dir` is SITE as given, `site_root_real` its
// real path (site_root_of), `shown_dir` how messages name SITE. Never throws.
HugoConfigRead hugo_config_read(const std::filesystem::path& site_dir, const std::filesystem::path& site_root_real,
                                const std::string& shown_dir);

// The file (as shown) and line that set the value at `path` (keys, any
// case: {"params", "mainSections"}) in the merged config: the last file in
// merge order that has it. {"", 0} when no file sets it; line 0 when a file
// name makes the key (config/_default/params.toml for params).
std::pair<std::string, size_t> hugo_config_origin(const HugoConfig& config, const std::vector<std::string>& path);

// Hugo's top-level settings that change what a site's pages are, each with
// what it does; the one list the warnings below are made from.
struct HugoOutputSetting {
    const char* key;     // as Hugo's documentation spells it
    const char* effect;  // what Hugo would do, for the warning
};
const std::vector<HugoOutputSetting>& hugo_output_settings();

// A warning for each setting of hugo_output_settings() that the config sets
// and that `honoured` (keys, any case) does not name: once per key, at the
// file and line that set it ("SITE/hugo.toml:4: warning: disableKinds is set
// but not honoured: Hugo would leave out pages of these kinds"), in reading
// order (the files as merged, then lines).
std::vector<Problem> hugo_config_unhonoured(const HugoConfig& config, const std::vector<std::string>& honoured);

}  // namespace blog::tool
