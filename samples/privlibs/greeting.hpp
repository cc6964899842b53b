#pragma once
#include <string>
std::string greeting();
std::string name();
