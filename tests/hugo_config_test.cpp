#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/temp_dir.hpp"
#include "tool/hugo_config.hpp"
#include "tool/site_files.hpp"

namespace fs = std::filesystem;
using namespace blog::tool;
using Pairs = std::vector<std::pair<std::string, std::string>>;
using Strings = std::vector<std::string>;

namespace {

// Reads tmp/site, messages naming it "SITE".
HugoConfigRead read_site(const blog::test::TempDir& tmp) {
    fs::create_directories(tmp.root / "site");
    const fs::path site = tmp.root / "site";
    return hugo_config_read(site, *site_root_of(site.string()), "SITE");
}

Strings messages(const std::vector<Problem>& problems) {
    Strings out;
    for (const Problem& p : problems) out.push_back(problem_text(p));
    return out;
}

Strings names(const std::vector<HugoMenuEntry>& entries) {
    Strings out;
    for (const HugoMenuEntry& e : entries) out.push_back(e.name);
    return out;
}

}  // namespace

TEST_CASE("hugo config: config.yml is read, with Hugo's defaults for what it leaves unset") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/config.yml",
              "baseURL: https://example.org/\n"
              "title: My Blog\n"
              "languageCode: en-us\n"
              "copyright: © Me\n"
              "params:\n"
              "  description: About things\n"
              "  author: Me\n"
              "  ShowToc: true\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems).empty());
    CHECK(r.found);
    const HugoConfig& c = r.config;
    CHECK(c.files == Strings{"SITE/config.yml"});
    CHECK(c.title == "My Blog");
    CHECK(c.base_url == "https://example.org/");
    CHECK(c.base_url_file == "SITE/config.yml");
    CHECK(c.base_url_line == 1);
    CHECK(c.language_code == "en-us");
    CHECK(c.copyright == "© Me");
    CHECK(c.description == "About things");
    CHECK(c.authors == Strings{"Me"});
    REQUIRE(c.params.find("showtoc"));
    CHECK(c.params.find("showtoc")->boolean);
    // hugolib/config.go, applyConfigDefaults
    CHECK(c.default_content_language == "en");
    CHECK_FALSE(c.default_content_language_in_subdir);
    CHECK(c.summary_length == 70);
    CHECK(c.paginate == 10);
    CHECK(c.taxonomies == Pairs{{"tag", "tags"}, {"category", "categories"}});
    CHECK(c.main_sections.empty());
    CHECK(c.theme.empty());
    REQUIRE(c.languages.size() == 1);
    CHECK(c.languages[0].key == "en");
    CHECK(c.languages[0].language_code == "en-us");
    CHECK(c.languages[0].title == "My Blog");
    CHECK(c.languages[0].content_dir == "content");
}

TEST_CASE("hugo config: config.json is read") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/config.json",
              "{\n  \"title\": \"J\",\n  \"baseURL\": \"https://j.example/\",\n"
              "  \"params\": {\"author\": [\"A\", \"B\"], \"mainSections\": \"posts\"},\n"
              "  \"paginate\": 5\n}\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems).empty());
    CHECK(r.config.files == Strings{"SITE/config.json"});
    CHECK(r.config.title == "J");
    CHECK(r.config.base_url_line == 3);
    CHECK(r.config.authors == Strings{"A", "B"});
    CHECK(r.config.main_sections == Strings{"posts"});
    CHECK(r.config.paginate == 5);
}

TEST_CASE("hugo config: only the first root file is read, hugo.* before config.*") {
    // Checked on hugo 0.111.3: with hugo.toml, hugo.yaml and config.toml, `hugo config`
    // shows hugo.toml's title and no baseURL from config.toml.
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/config.toml", "title = \"from config.toml\"\nbaseURL = \"https://x/\"\n");
    SECTION("hugo.toml over config.toml") {
        tmp.write("site/hugo.toml", "title = \"from hugo.toml\"\n");
        tmp.write("site/hugo.yaml", "title: from hugo.yaml\n");
        const HugoConfigRead r = read_site(tmp);
        CHECK(r.config.files == Strings{"SITE/hugo.toml"});
        CHECK(r.config.title == "from hugo.toml");
        CHECK(r.config.base_url.empty());
    }
    SECTION("hugo.yml over config.toml (config/configLoader.go: names, then extensions)") {
        tmp.write("site/hugo.yml", "title: from hugo.yml\n");
        const HugoConfigRead r = read_site(tmp);
        CHECK(r.config.files == Strings{"SITE/hugo.yml"});
        CHECK(r.config.title == "from hugo.yml");
    }
    SECTION("config.toml over config.yaml") {
        tmp.write("site/config.yaml", "title: from config.yaml\n");
        CHECK(read_site(tmp).config.title == "from config.toml");
    }
}

TEST_CASE("hugo config: config/_default/ merges over the root file, file names making keys") {
    // Checked on hugo 0.111.3 (`hugo config`): the folder's title wins over config.toml's,
    // params merge deeply (a: root, b: dir, nested: {x: 1, y: 2}), and menus.en.toml
    // becomes languages.en.menus.
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/config.toml",
              "title = \"root\"\nbaseURL = \"https://root/\"\n[params]\na = \"root\"\nb = \"root\"\n"
              "[params.nested]\nx = 1\n");
    tmp.write("site/config/_default/hugo.toml", "title = \"dir\"\ndefaultContentLanguage = \"en\"\n");
    tmp.write("site/config/_default/params.toml", "b = \"dir\"\nmainSections = [\"posts\", \"notes\"]\n[nested]\ny = 2\n");
    tmp.write("site/config/_default/menus.toml",
              "[[main]]\nname = \"Tags\"\nurl = \"/tags/\"\nweight = 20\n"
              "[[main]]\nname = \"Posts\"\npageRef = \"/posts\"\nweight = 10\nidentifier = \"posts\"\n");
    tmp.write("site/config/_default/languages.yaml",
              "en:\n  languageName: English\n  weight: 1\nfr:\n  languageName: Français\n  weight: 2\n"
              "  title: Mon blog\n  params:\n    description: En français\n");
    tmp.write("site/config/_default/menus.fr.toml", "[[main]]\nname = \"Articles\"\nurl = \"/fr/posts/\"\n");
    tmp.write("site/config/_default/notes.txt", "not a config file");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems).empty());
    const HugoConfig& c = r.config;
    // afero.Walk: names in byte order
    CHECK(c.files == Strings{"SITE/config.toml", "SITE/config/_default/hugo.toml", "SITE/config/_default/languages.yaml",
                             "SITE/config/_default/menus.fr.toml", "SITE/config/_default/menus.toml",
                             "SITE/config/_default/params.toml"});
    CHECK(c.title == "dir");
    CHECK(c.base_url == "https://root/");
    CHECK(c.params.find("a")->text == "root");
    CHECK(c.params.find("b")->text == "dir");
    CHECK(c.params.find("nested")->find("x")->text == "1");
    CHECK(c.params.find("nested")->find("y")->text == "2");
    CHECK(c.main_sections == Strings{"posts", "notes"});
    CHECK(hugo_config_origin(c, {"params", "B"}) == std::pair<std::string, size_t>{"SITE/config/_default/params.toml", 1});
    CHECK(hugo_config_origin(c, {"params", "a"}) == std::pair<std::string, size_t>{"SITE/config.toml", 4});
    CHECK(hugo_config_origin(c, {"params"}) == std::pair<std::string, size_t>{"SITE/config/_default/params.toml", 0});

    REQUIRE(c.languages.size() == 2);
    CHECK(c.languages[0].key == "en");
    CHECK(c.languages[0].language_name == "English");
    CHECK(c.languages[0].title == "dir");
    CHECK(names(c.languages[0].menus.at(0).entries) == Strings{"Posts", "Tags"});
    CHECK(c.languages[1].key == "fr");
    CHECK(c.languages[1].title == "Mon blog");
    CHECK(c.languages[1].params.find("description")->text == "En français");
    REQUIRE(c.languages[1].menus.size() == 1);  // its own menus replace the site's
    CHECK(names(c.languages[1].menus[0].entries) == Strings{"Articles"});

    REQUIRE(c.main.size() == 2);
    CHECK(c.main[0].name == "Posts");
    CHECK(c.main[0].page_ref == "/posts");
    CHECK(c.main[0].identifier == "posts");
    CHECK(c.main[0].weight == 10);
    CHECK(c.main[0].file == "SITE/config/_default/menus.toml");
    CHECK(c.main[0].line == 5);
    CHECK(c.main[1].url == "/tags/");
}

TEST_CASE("hugo config: config/production/ merges over config/_default/, as `hugo` builds") {
    // Checked on hugo 0.111.3: `hugo config` shows production's baseURL, not development's.
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/config/_default/hugo.toml", "title = \"t\"\nbaseURL = \"http://localhost/\"\n");
    tmp.write("site/config/production/hugo.toml", "baseURL = \"https://example.org/\"\n");
    tmp.write("site/config/development/hugo.toml", "baseURL = \"http://dev/\"\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems).empty());
    CHECK(r.config.base_url == "https://example.org/");
    CHECK(r.config.base_url_file == "SITE/config/production/hugo.toml");
    CHECK(r.config.title == "t");
}

TEST_CASE("hugo config: keys are read in any letter case") {
    // Checked on hugo 0.111.3: Title, Taxonomies and PARAMS.MainSections are read.
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/hugo.yaml",
              "BaseURL: https://x/\nTitle: Case\nLANGUAGECODE: fr\nSummaryLength: 30\n"
              "PARAMS:\n  MainSections: [posts]\n  Author: [A]\nMenu:\n  Main:\n    - Name: Home\n      URL: /\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems).empty());
    CHECK(r.config.title == "Case");
    CHECK(r.config.base_url == "https://x/");
    CHECK(r.config.language_code == "fr");
    CHECK(r.config.summary_length == 30);
    CHECK(r.config.main_sections == Strings{"posts"});
    CHECK(r.config.authors == Strings{"A"});
    REQUIRE(r.config.main.size() == 1);  // menu is read as menus (config.RenameKeys)
    CHECK(r.config.main[0].url == "/");
    SECTION("two spellings of one key in one file: the later wins") {
        tmp.write("site/hugo.yaml", "title: first\nTitle: second\n");
        CHECK(read_site(tmp).config.title == "second");
    }
}

TEST_CASE("hugo config: taxonomies") {
    blog::test::TempDir tmp("hugo-config-test");
    SECTION("Hugo's default when unset") {
        tmp.write("site/hugo.toml", "title = \"t\"\n");
        CHECK(read_site(tmp).config.taxonomies == Pairs{{"tag", "tags"}, {"category", "categories"}});
    }
    SECTION("custom, replacing the default") {
        tmp.write("site/hugo.yaml", "taxonomies:\n  Tag: tags\n  series: Series\n");
        CHECK(read_site(tmp).config.taxonomies == Pairs{{"tag", "tags"}, {"series", "series"}});
    }
    SECTION("an empty map: none") {
        // Checked on hugo 0.111.3: `Taxonomies: {}` builds no /tags/ folder.
        tmp.write("site/hugo.yaml", "taxonomies: {}\n");
        CHECK(read_site(tmp).config.taxonomies.empty());
    }
    SECTION("a plural of the wrong kind") {
        tmp.write("site/hugo.yaml", "taxonomies:\n  tag: [tags]\n");
        CHECK(messages(read_site(tmp).problems) ==
              Strings{"SITE/hugo.yaml:2: taxonomies.tag: expected a string, got a list"});
    }
}

TEST_CASE("hugo config: permalinks") {
    blog::test::TempDir tmp("hugo-config-test");
    SECTION("Hugo 0.111's form, the section trimmed of / and spaces") {
        tmp.write("site/hugo.yaml", "permalinks:\n  posts: /:year/:slug/\n  \"/notes/\": /n/:slug/\n");
        const HugoConfigRead r = read_site(tmp);
        CHECK(messages(r.problems).empty());
        CHECK(r.config.permalinks == Pairs{{"posts", "/:year/:slug/"}, {"notes", "/n/:slug/"}});
    }
    SECTION("Hugo 0.114's page form is read; its other kinds are warnings") {
        // Checked on hugo 0.111.3: [permalinks.page] makes it panic (an empty pattern).
        tmp.write("site/hugo.toml", "[permalinks.page]\nposts = \"/:year/:slug/\"\n[permalinks.term]\ntags = \"/t/:slug/\"\n");
        const HugoConfigRead r = read_site(tmp);
        CHECK(r.ok());
        CHECK(r.config.permalinks == Pairs{{"posts", "/:year/:slug/"}});
        CHECK(messages(r.problems) ==
              Strings{"SITE/hugo.toml:3: warning: permalinks.term: patterns for term pages are read by Hugo 0.114 "
                      "and later, not by Hugo 0.111; not honoured"});
    }
}

TEST_CASE("hugo config: menus in Hugo's order, by weight (unset last), then name without case") {
    // navigation/menu.go, defaultMenuEntrySort
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/hugo.toml",
              "[[menus.main]]\nname = \"b\"\n[[menus.main]]\nname = \"B\"\n[[menus.main]]\nname = \"a\"\nweight = 2\n"
              "[[menus.main]]\nname = \"c\"\nweight = 1\n[[menus.main]]\nname = \"A\"\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems).empty());
    CHECK(names(r.config.main) == Strings{"c", "a", "A", "B", "b"});
    SECTION("entries sharing a key are kept once, with a warning") {
        tmp.write("site/hugo.toml", "[[menus.main]]\nname = \"Home\"\nurl = \"/\"\n[[menus.main]]\nname = \"Home\"\nurl = \"/home/\"\n");
        const HugoConfigRead d = read_site(tmp);
        REQUIRE(d.config.main.size() == 1);
        CHECK(d.config.main[0].url == "/home/");
        CHECK(messages(d.problems) ==
              Strings{"SITE/hugo.toml:1: warning: menus.main: another entry has the key \"Home\" (its identifier, else "
                      "its name); Hugo shows only one: give each an identifier"});
    }
}

TEST_CASE("hugo config: languages ordered by weight, then key; the default must be one of them") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/hugo.toml",
              "defaultContentLanguage = \"DE\"\nlanguageCode = \"en-us\"\n"
              "[languages.fr]\nweight = 2\n[languages.de]\nweight = 2\nlanguageCode = \"de-DE\"\n"
              "[languages.EN]\nweight = 1\ncontentDir = \"content/en\"\n[languages.it]\ndisabled = true\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems).empty());
    CHECK(r.config.default_content_language == "de");
    Strings keys;
    for (const HugoLanguage& l : r.config.languages) keys.push_back(l.key);
    CHECK(keys == Strings{"en", "de", "fr", "it"});
    CHECK(r.config.languages[0].content_dir == "content/en");
    CHECK(r.config.languages[1].language_code == "de-DE");
    CHECK(r.config.languages[2].language_code == "en-us");
    CHECK(r.config.languages[3].disabled);
    SECTION("a default that is not a language") {
        tmp.write("site/hugo.toml", "defaultContentLanguage = \"nl\"\n[languages.fr]\nweight = 1\n");
        CHECK(messages(read_site(tmp).problems) ==
              Strings{"SITE/hugo.toml:1: defaultContentLanguage \"nl\" does not match any language in languages"});
    }
}

TEST_CASE("hugo config: no config is an error") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/content/posts/a.md", "---\ntitle: A\n---\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK_FALSE(r.found);
    CHECK(messages(r.problems) ==
          Strings{"SITE: no config file: expected hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml, config.yaml, "
                  "config.yml, config.json or config/_default/"});
}

TEST_CASE("hugo config: a parse error is reported with its file and line") {
    blog::test::TempDir tmp("hugo-config-test");
    SECTION("YAML") {
        tmp.write("site/config.yml", "title: T\nparams:\n  a: [1, 2\n  b: 3\n");
        const HugoConfigRead r = read_site(tmp);
        CHECK_FALSE(r.ok());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].file == "SITE/config.yml");
        // Hugo 0.111.3 says line 3 (go-yaml), yaml-cpp the line where the list stops.
        CHECK(r.problems[0].line >= 3);
        CHECK(r.problems[0].line <= 4);
    }
    SECTION("TOML in the config folder") {
        tmp.write("site/config/_default/params.toml", "a = 1\nb = \n");
        const HugoConfigRead r = read_site(tmp);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].file == "SITE/config/_default/params.toml");
        CHECK(r.problems[0].line == 2);
    }
}

TEST_CASE("hugo config: a value of the wrong kind is an error at its line, named as written") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/hugo.yaml",
              "title: [a]\nsummaryLength: many\nuglyURLs: 3\nparams:\n  mainSections:\n    a: b\n  author: [{name: x}]\n"
              "menus:\n  main: {name: x}\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems) == Strings{
                                      "SITE/hugo.yaml:1: title: expected a string, got a list",
                                      "SITE/hugo.yaml:2: summaryLength: expected a whole number, got a string",
                                      "SITE/hugo.yaml:3: uglyURLs: expected true or false, got a number",
                                      "SITE/hugo.yaml:7: params.author: expected a string or a list of strings, got a list",
                                      "SITE/hugo.yaml:6: params.mainSections: expected a string or a list of strings, got a map",
                                      "SITE/hugo.yaml:9: menus.main: expected a list of menu entries, got a map",
                                  });
}

TEST_CASE("hugo config: an author given as a map (LoveIt's {name, email, link}) is its name") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/hugo.yaml", "title: T\nparams:\n  author: {name: Ana, email: a@example.org}\n");
    const HugoConfigRead r = read_site(tmp);
    CHECK(r.problems.empty());
    CHECK(r.config.authors == Strings{"Ana"});
}

TEST_CASE("hugo config: a config file linked outside SITE is refused") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("ext/hugo.toml", "title = \"Outside\"\n");
    fs::create_directories(tmp.root / "site");
    fs::create_symlink("../ext/hugo.toml", tmp.root / "site/hugo.toml");
    const HugoConfigRead r = read_site(tmp);
    CHECK(messages(r.problems) == Strings{"SITE/hugo.toml: a symbolic link that leaves the site folder; refused"});
    CHECK(r.config.title.empty());
}

TEST_CASE("hugo config: settings that are not honoured are listed once each, where they are set") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/hugo.toml",
              "title = \"t\"\nbaseURL = \"https://x/\"\ndisableKinds = [\"taxonomy\"]\nRelativeURLs = true\n"
              "[params]\na = 1\n[outputs]\nhome = [\"HTML\"]\n");
    tmp.write("site/config/_default/markup.toml", "[goldmark.renderer]\nunsafe = true\n");
    tmp.write("site/config/_default/hugo.toml", "disableKinds = [\"term\"]\n");
    const HugoConfigRead r = read_site(tmp);
    REQUIRE(r.ok());
    CHECK(messages(hugo_config_unhonoured(r.config, {"title", "BASEURL", "params"})) ==
          Strings{
              "SITE/hugo.toml:4: warning: RelativeURLs is set but not honoured: Hugo would make every URL relative",
              "SITE/hugo.toml:7: warning: outputs is set but not honoured: Hugo would write these output formats",
              "SITE/config/_default/hugo.toml:1: warning: disableKinds is set but not honoured: Hugo would leave out "
              "pages of these kinds",
              "SITE/config/_default/markup.toml: warning: markup is set but not honoured: Hugo would render "
              "Markdown with these settings",
          });
}

TEST_CASE("hugo config: markup.goldmark.renderer.unsafe is read (the posts' raw HTML is kept, sanitized)") {
    blog::test::TempDir tmp("hugo-config-test");
    tmp.write("site/hugo.yaml", "title: t\nmarkup:\n  goldmark:\n    renderer:\n      unsafe: true\n");
    const HugoConfigRead r = read_site(tmp);
    REQUIRE(r.ok());
    CHECK(r.config.markup_unsafe);
    blog::test::TempDir plain("hugo-config-test");
    plain.write("site/hugo.yaml", "title: t\n");
    CHECK_FALSE(read_site(plain).config.markup_unsafe);
}
