// validate_tool.cpp — `validate_tool FILE...`: the loader's verdict without the app (used by tests/schema).
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_tools.h"

int main(int argc, char** argv) {
    std::vector<std::string> files(argv + 1, argv + argc);
    return ex::cli_validate(files, std::cout);
}
