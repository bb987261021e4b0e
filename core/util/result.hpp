// Result: a value or an error, so that core functions report failure as data
// (no exceptions cross the core's API; the wasm build has them turned off).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace blog {

struct Error {
    std::string code;     // short machine-readable kind, e.g. "json", "http"
    std::string message;  // what a user reads, naming the file/field/line
};

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

}  // namespace blog
