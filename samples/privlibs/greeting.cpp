#include "greeting.hpp"
std::string greeting() { return "hello, " + name(); }
