// `onebin pack app.AppImage`: a type-2 AppImage (an ELF runtime with the
// squashfs image of an AppDir after the ELF's last byte) is unpacked with
// unsquashfs, nothing of it run, and packed as that AppDir.
#pragma once

#include <string>

namespace onebin::pack {

// Whether `path` is an AppImage (ELF, "AI" and its type at e_ident[8..10]);
// a type other than 2 throws PackError naming the file.
bool is_appimage(const std::string& path);

// The AppDir of an AppImage, unpacked into a new directory beside `near`
// (the output: where the packed file's own room is) and removed with this object.
class UnpackedAppImage {
 public:
  UnpackedAppImage(const std::string& appimage, const std::string& near);  // throws PackError
  ~UnpackedAppImage();
  UnpackedAppImage(const UnpackedAppImage&) = delete;
  UnpackedAppImage& operator=(const UnpackedAppImage&) = delete;
  const std::string& appdir() const { return appdir_; }

 private:
  std::string work_, appdir_;
};

}  // namespace onebin::pack
