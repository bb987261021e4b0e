// The search tokenizer: UAX #29 word boundaries against Unicode's own
// WordBreakTest.txt, folding, stemming (Snowball's examples here; Debian's
// word lists against Debian's stemwords in stemwords_compare.py), CJK bigrams,
// and hostile input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/search/stemmer_modules.h"
#include "core/search/tokenizer.hpp"
#include "core/util/utf8.hpp"

using namespace blog;

namespace {

std::vector<std::string> terms(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& t : tokens) out.push_back(t.term);
    return out;
}

std::vector<Token> tokens(std::string_view language, std::string_view text) {
    std::vector<Token> out;
    Tokenizer(language).tokenize(text, out);
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("tokenizer: word boundaries are those of every line of Unicode's WordBreakTest.txt") {
    std::ifstream in(BLOG_UNICODE_DIR "/auxiliary/WordBreakTest.txt");
    REQUIRE(in.good());
    size_t lines = 0, passed = 0;
    std::string line;
    while (std::getline(in, line)) {
        const std::string data = line.substr(0, line.find('#'));
        if (data.find_first_not_of(" \t") == std::string::npos) continue;
        // "÷ 0001 × 0308 ÷": the text, and the offsets of each ÷
        std::string text;
        std::vector<uint32_t> expected;
        std::istringstream fields(data);
        std::string f;
        while (fields >> f) {
            if (f == "\xC3\xB7") expected.push_back(uint32_t(text.size()));
            else if (f != "\xC3\x97") utf8_append(text, unsigned(std::stoul(f, nullptr, 16)));
        }
        ++lines;
        const std::vector<uint32_t> got = word_boundaries(text);
        if (got == expected) ++passed;
        else FAIL_CHECK("WordBreakTest.txt: " << line);
    }
    WARN("WordBreakTest.txt: " << passed << " of " << lines << " lines pass");
    CHECK(lines > 1800);
    CHECK(passed == lines);
}

TEST_CASE("tokenizer: folding drops case and diacritics in every script") {
    const Tokenizer t("");
    SECTION("Latin, with the letters that have no decomposition") {
        CHECK(t.fold("Ærøskøbing") == "aeroskobing");
        CHECK(t.fold("Déjà-vu") == "deja-vu");
        CHECK(t.fold("Ça") == "ca");
        CHECK(t.fold("Łódź") == "lodz");
        CHECK(t.fold("Đorđe Þór Œuvre") == "dorde thor oeuvre");
        CHECK(t.fold("e\xCC\x81t\xC3\xA9") == "ete");  // decomposed and precomposed é
    }
    SECTION("German ß folds to ss, like ẞ and SS") {
        CHECK(t.fold("Straße") == "strasse");
        CHECK(t.fold("STRASSE") == "strasse");
        CHECK(t.fold("ẞ") == "ss");
    }
    SECTION("Greek: the accents and breathings go, final sigma is sigma") {
        CHECK(t.fold("Ὀδυσσεύς") == "οδυσσευσ");
        CHECK(t.fold("ΆΈΉ") == "αεη");
    }
    SECTION("Cyrillic: case; ё and й lose their marks as Latin letters do") {
        CHECK(t.fold("МОСКВА") == "москва");
        CHECK(t.fold("Ёлка") == "елка");
        CHECK(t.fold("Йод") == "иод");
    }
    SECTION("Turkish: I, İ, ı and i all fold to i") {
        CHECK(t.fold("İSTANBUL") == "istanbul");
        CHECK(t.fold("ILIK") == "ilik");
        CHECK(t.fold("ılık") == "ilik");
    }
    SECTION("full-width and half-width forms") {
        CHECK(t.fold("ＡＢＣ１２３") == "abc123");
        CHECK(t.fold("ｶﾀｶﾅ") == "カタカナ");
    }
    SECTION("kana keep their voicing marks") {
        CHECK(t.fold("がパ") == "がパ");
    }
    SECTION("typographic apostrophes are ASCII ones") {
        CHECK(t.fold("don’t") == "don't");
    }
    SECTION("search_fold's Latin folds hold here too") {
        for (const char* w : {"É", "Æ", "ß", "Ł", "ĳ", "Ñandú", "Œ"}) {
            INFO(w);
            CHECK(t.fold(w) != std::string(w));
        }
        CHECK(t.fold("ĳ") == "ij");
        CHECK(t.fold("Ñandú") == "nandu");
    }
}

TEST_CASE("tokenizer: language tags pick Snowball's stemmer by their primary subtag") {
    CHECK(std::string(Tokenizer("en").stemmer_name()) == "english");
    CHECK(std::string(Tokenizer("en-US").stemmer_name()) == "english");
    CHECK(std::string(Tokenizer("fr-FR").stemmer_name()) == "french");
    CHECK(std::string(Tokenizer("pt_BR").stemmer_name()) == "portuguese");
    CHECK(std::string(Tokenizer("nb").stemmer_name()) == "norwegian");
    CHECK(std::string(Tokenizer("german").stemmer_name()) == "german");
    CHECK(Tokenizer("").stemmer_name() == nullptr);
    CHECK(Tokenizer("zh-cn").stemmer_name() == nullptr);
    CHECK(Tokenizer("ja").stemmer_name() == nullptr);
    CHECK(Tokenizer("xx").stemmer_name() == nullptr);
    CHECK(Tokenizer("xx").stem("running") == "running");
}

TEST_CASE("tokenizer: every stemmer gives the stems of Snowball's own examples") {
    // Fixed points that need no installed package: words of the kind Snowball's
    // pages give for each algorithm, and their stems by Snowball 2.2.0 (as
    // Debian 12's stemwords gives them too). The whole word lists of Debian's
    // w* packages are compared with stemwords by tests/stemwords_compare.py.
    struct Example {
        const char* language;
        const char* word;
        const char* stem;
    };
    static const Example examples[] = {
        {"danish", "indtager", "indtag"},
        {"danish", "indtagelse", "indtag"},
        {"dutch", "lichamelijk", "licham"},
        {"dutch", "lichamelijke", "licham"},
        {"dutch", "opheffing", "opheff"},
        {"english", "consign", "consign"},
        {"english", "consigned", "consign"},
        {"english", "consignment", "consign"},
        {"english", "knackeries", "knackeri"},
        {"english", "generously", "generous"},
        {"finnish", "edeltäjänsä", "edeltäj"},
        {"finnish", "kahvilaan", "kahvil"},
        {"french", "continuait", "continu"},
        {"french", "abandonnée", "abandon"},
        {"french", "majestueusement", "majestu"},
        {"german", "aufeinanderfolgenden", "aufeinanderfolg"},
        {"german", "häuser", "haus"},
        {"german", "käufer", "kauf"},
        {"italian", "abbandonata", "abbandon"},
        {"italian", "pronunziato", "pronunz"},
        {"norwegian", "havnedistriktene", "havnedistrikt"},
        {"norwegian", "havnedistrikter", "havnedistrikt"},
        {"portuguese", "boataria", "boat"},
        {"portuguese", "bobagem", "bobag"},
        {"russian", "вагоне", "вагон"},
        {"russian", "вагонов", "вагон"},
        {"spanish", "toreaba", "tor"},
        {"spanish", "chiquillos", "chiquill"},
        {"swedish", "jaktkarlarne", "jaktkarl"},
        {"swedish", "klokaste", "klok"},
    };
    size_t languages = 0;
    for (const blog_stemmer_module* m = blog_stemmer_modules; m->name; ++m) {
        const Tokenizer t(m->name);
        REQUIRE(t.stemmer_name() != nullptr);
        size_t checked = 0;
        for (const Example& e : examples) {
            if (std::string(e.language) != m->name) continue;
            INFO(m->name << ": " << e.word);
            CHECK(t.stem(e.word) == e.stem);
            ++checked;
        }
        if (checked == 0) WARN(m->name << ": no example here (an algorithm added to BLOG_STEMMERS)");
        else ++languages;
    }
    CHECK(languages == 12);  // every shipped language has its examples
}

TEST_CASE("tokenizer: words are folded and stemmed, with their offsets and positions") {
    const std::string text = "The Runners were RUNNING, don’t they? Déjà-vu.";
    const std::vector<Token> got = tokens("en", text);
    CHECK(terms(got) == std::vector<std::string>{"the", "runner", "were", "run", "don", "t", "they", "deja", "vu"});
    REQUIRE(got.size() == 9);
    CHECK(text.substr(got[1].begin, got[1].end - got[1].begin) == "Runners");
    CHECK(text.substr(got[4].begin, got[4].end - got[4].begin) == "don");
    CHECK(text.substr(got[5].begin, got[5].end - got[5].begin) == "t");
    for (size_t i = 0; i < got.size(); ++i) CHECK(got[i].position == i);
    SECTION("positions continue from the tokens already there") {
        std::vector<Token> out = got;
        Tokenizer("en").tokenize("again", out);
        CHECK(out.back().term == "again");
        CHECK(out.back().position == 9);
    }
    SECTION("a word is cut at its apostrophes: French elision, English contractions and possessives") {
        CHECK(terms(tokens("fr", "l’homme d'État")) == terms(tokens("fr", "l homme d État")));
        CHECK(terms(tokens("fr", "l'homme"))[1] == terms(tokens("fr", "homme"))[0]);
        CHECK(terms(tokens("en", "Kubernetes's pods didn't")) == terms(tokens("en", "Kubernetes s pods didn t")));
        CHECK(terms(tokens("en", "'quoted' rock'n'roll")) == std::vector<std::string>{"quot", "rock", "n", "roll"});
    }
    SECTION("numbers and decimals are words (WB11, WB12)") {
        CHECK(terms(tokens("en", "3.14 and 1,000")) == std::vector<std::string>{"3.14", "and", "1,000"});
    }
    SECTION("French and German stems, diacritics stripped after stemming") {
        CHECK(terms(tokens("fr", "Les étés")) == terms(tokens("fr", "les été")));
        CHECK(terms(tokens("de", "Häuser")) == std::vector<std::string>{"haus"});
    }
}

TEST_CASE("tokenizer: CJK text becomes overlapping bigrams, each with its position") {
    SECTION("Chinese") {
        const std::vector<Token> got = tokens("zh-cn", "我爱北京");
        CHECK(terms(got) == std::vector<std::string>{"我爱", "爱北", "北京"});
        REQUIRE(got.size() == 3);
        CHECK(got[0].begin == 0);
        CHECK(got[0].end == 6);
        CHECK(got[2].begin == 6);
        CHECK(got[2].end == 12);
        CHECK(got[2].position == 2);
    }
    SECTION("a query's bigrams are a phrase in the text's") {
        const std::vector<Token> text = tokens("zh", "我住在北京市。"), query = tokens("zh", "北京");
        REQUIRE(query.size() == 1);
        CHECK(std::find_if(text.begin(), text.end(), [&](const Token& t) { return t.term == query[0].term; }) !=
              text.end());
    }
    SECTION("one character alone is a unigram") {
        CHECK(terms(tokens("zh", "猫 and 狗")) == std::vector<std::string>{"猫", "and", "狗"});
    }
    SECTION("Japanese: kana and kanji mixed, Latin and digits apart") {
        CHECK(terms(tokens("ja", "iPhone 15を買った")) ==
              std::vector<std::string>{"iphone", "15", "を買", "買っ", "った"});
        CHECK(terms(tokens("ja", "東京タワーに行きました")) ==
              std::vector<std::string>{"東京", "京タ", "タワ", "ワー", "ーに", "に行", "行き", "きま", "まし", "した"});
    }
    SECTION("Korean: each space-separated word in bigrams") {
        CHECK(terms(tokens("ko", "한국어 텍스트")) == std::vector<std::string>{"한국", "국어", "텍스", "스트"});
    }
    SECTION("Hangul then Latin in one UAX #29 word: bigrams, then the word") {
        CHECK(terms(tokens("ko", "한국abc")) == std::vector<std::string>{"한국", "abc"});
    }
}

TEST_CASE("tokenizer: hostile input stays bounded and does not crash") {
    const Tokenizer t("en");
    SECTION("ill-formed UTF-8 splits words") {
        std::vector<Token> out;
        t.tokenize("\xFF\xFE" "abc\xC3" "def\xED\xA0\x80" "gh\xF4\x90\x80\x80", out);
        CHECK(terms(out) == std::vector<std::string>{"abc", "def", "gh"});
        CHECK(t.fold("\xC3") == "\xEF\xBF\xBD");
    }
    SECTION("a 1 MiB word in 4 MiB of text: linear, the term capped at 64 bytes") {
        std::string text;
        while (text.size() < 3 * 1024 * 1024) text += "lorem ipsum dolor ";
        text += std::string(1024 * 1024, 'x');
        const auto start = std::chrono::steady_clock::now();
        std::vector<Token> out;
        t.tokenize(text, out);
        CHECK(seconds_since(start) < 20);
        REQUIRE(!out.empty());
        CHECK(out.back().term == std::string(kMaxTermBytes, 'x'));
        CHECK(out.back().end == text.size());
        CHECK(word_boundaries(text).back() == text.size());
    }
    SECTION("100k combining marks on one letter") {
        std::string text = "a";
        for (int i = 0; i < 100000; ++i) text += "\xCC\x81";
        text += " b";
        const auto start = std::chrono::steady_clock::now();
        std::vector<Token> out;
        t.tokenize(text, out);
        CHECK(seconds_since(start) < 10);
        CHECK(terms(out) == std::vector<std::string>{"a", "b"});
        CHECK(word_boundaries(text).size() == 4);
    }
    SECTION("long chains of the look-ahead rules (WB6/WB12) and of CJK") {
        std::string text;
        for (int i = 0; i < 200000; ++i) text += "a'1.";
        text += "'";
        for (int i = 0; i < 100000; ++i) text += "\xCC\x81";
        for (int i = 0; i < 200000; ++i) text += "\xE6\x97\xA5";  // 日
        const auto start = std::chrono::steady_clock::now();
        std::vector<Token> out;
        t.tokenize(text, out);
        CHECK(seconds_since(start) < 20);
        REQUIRE(!out.empty());
        CHECK(out.back().term == "日日");
    }
}
