#include "greeting.hpp"
std::string name() { return "private library"; }
