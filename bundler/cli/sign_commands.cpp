#include "cli/sign_commands.hpp"

#include <iostream>
#include <memory>

#include "sign/signing.hpp"

namespace onebin::cli {

void add_sign_commands(CLI::App& app) {
  auto key = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  CLI::App* keygen = app.add_subcommand("keygen", "Make an Ed25519 key pair for signing packed files");
  keygen->add_option("KEY", *key, "Where the secret key goes (mode 0600); the public key goes to KEY.pub")->required();
  keygen->callback([key] {
    std::string id = sign::generate_keys(*key);
    std::cout << "key " << id << ": secret key in " << *key << ", public key in " << *key << ".pub\n";
  });
  CLI::App* sign = app.add_subcommand(
      "sign", "Sign a packed file: every byte but the signature's own block, the stub included (onebin verify --key checks it)");
  sign->add_option("FILE", *file, "A file made by onebin pack; replaced by the signed file, a signature it had replaced")
      ->required();
  sign->add_option("--key", *key, "The secret key (onebin keygen)")->required();
  sign->callback([file, key] {
    std::string id = sign::sign_file(*file, *key);
    std::cout << *file << ": signed by key " << id << "\n";
  });
}

}  // namespace onebin::cli
