#include "tool/search_writer.hpp"

#include "core/search/fulltext_index.hpp"

namespace blog::tool {

std::vector<IndexFile> search_write_files(const Site& site) {
    std::vector<FulltextDocument> docs;
    docs.reserve(site.posts.size());
    for (const SitePost* p : index_order(site)) {
        FulltextDocument& d = docs.emplace_back();
        d.slug = p->slug;
        d.route = p->path();
        d.title = p->title;
        d.tags = p->front.tags;
        d.sections = p->sections;
    }
    const std::string& code = site.config.language_code;
    std::vector<IndexFile> out;
    for (FulltextFile& f : fulltext_build(docs, code.empty() ? site.config.language : code))
        out.push_back({std::move(f.path), std::move(f.bytes)});
    return out;
}

}  // namespace blog::tool
