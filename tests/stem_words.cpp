// stem_words LANGUAGE: each line of stdin (a word, UTF-8) stemmed by the
// tokenizer's Snowball stemmer for LANGUAGE (Tokenizer::stem), one a line on
// stdout, as Snowball's own stemwords prints them. stem_words --list: the
// stemmers compiled in, one name a line. Driven by tests/stemwords_compare.py.
#include <cstdio>
#include <iostream>
#include <string>

#include "core/search/stemmer_modules.h"
#include "core/search/tokenizer.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: stem_words LANGUAGE < words\n       stem_words --list\n";
        return 2;
    }
    const std::string language = argv[1];
    if (language == "--list") {
        for (const blog_stemmer_module* m = blog_stemmer_modules; m->name; ++m) std::cout << m->name << '\n';
        return 0;
    }
    const blog::Tokenizer tokenizer(language);
    if (!tokenizer.stemmer_name() || language != tokenizer.stemmer_name()) {
        std::cerr << "stem_words: no stemmer named " << language << "\n";
        return 2;
    }
    std::ios::sync_with_stdio(false);
    std::string word;
    while (std::getline(std::cin, word)) {
        std::cout << tokenizer.stem(word) << '\n';
    }
    std::cout.flush();
    return std::cout ? 0 : 1;
}
