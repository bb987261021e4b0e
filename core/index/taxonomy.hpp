// Taxonomies: Hugo's two default ways of grouping posts, tags and categories.
// Each has a page of its terms (every tag with its number of posts) and a
// paged list of each term's posts; the two differ only in their names, kept
// here so that the index, the routes, the views and the tool spell them alike.
#pragma once

#include <string_view>

namespace blog {

enum class Taxonomy { Tags, Categories };

// The name in URLs and in index.json: "tags", "categories".
constexpr std::string_view taxonomy_name(Taxonomy t) { return t == Taxonomy::Categories ? "categories" : "tags"; }

// The heading of its terms page: "Tags", "Categories".
constexpr std::string_view taxonomy_title(Taxonomy t) { return t == Taxonomy::Categories ? "Categories" : "Tags"; }

// One of its terms, in words and screen kinds: "tag", "category".
constexpr std::string_view taxonomy_singular(Taxonomy t) { return t == Taxonomy::Categories ? "category" : "tag"; }

// Every taxonomy, for code that treats them alike.
constexpr Taxonomy kTaxonomies[] = {Taxonomy::Tags, Taxonomy::Categories};

}  // namespace blog
