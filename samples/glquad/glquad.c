/* Draws a red square on a blue background with EGL (surfaceless pbuffer)
 * and OpenGL ES 2, reads the pixels back and checks them. Prints the host's
 * GL_RENDERER and GL_VERSION; exits 0 only if the pixels are right.
 * Built two ways: linked with libEGL/libGLESv2 (the normal app, issue 4), or
 * with -DONEBIN_BRIDGE as a static musl program that reaches the host's
 * driver through libonebin_host (issue 5). */
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <stdio.h>
#include <string.h>

#define EGL_FUNCTIONS(X)                                                                               \
  X(PFNEGLGETPROCADDRESSPROC, eglGetProcAddress) X(PFNEGLQUERYSTRINGPROC, eglQueryString)            \
  X(PFNEGLGETDISPLAYPROC, eglGetDisplay) X(PFNEGLINITIALIZEPROC, eglInitialize)                      \
  X(PFNEGLBINDAPIPROC, eglBindAPI) X(PFNEGLCHOOSECONFIGPROC, eglChooseConfig)                        \
  X(PFNEGLCREATEPBUFFERSURFACEPROC, eglCreatePbufferSurface) X(PFNEGLCREATECONTEXTPROC, eglCreateContext) \
  X(PFNEGLMAKECURRENTPROC, eglMakeCurrent) X(PFNEGLGETERRORPROC, eglGetError)                        \
  X(PFNEGLTERMINATEPROC, eglTerminate)

#define GL_FUNCTIONS(X)                                                                                   \
  X(PFNGLCREATESHADERPROC, glCreateShader) X(PFNGLSHADERSOURCEPROC, glShaderSource)                       \
  X(PFNGLCOMPILESHADERPROC, glCompileShader) X(PFNGLCREATEPROGRAMPROC, glCreateProgram)                   \
  X(PFNGLATTACHSHADERPROC, glAttachShader) X(PFNGLBINDATTRIBLOCATIONPROC, glBindAttribLocation)           \
  X(PFNGLLINKPROGRAMPROC, glLinkProgram) X(PFNGLGETPROGRAMIVPROC, glGetProgramiv)                         \
  X(PFNGLUSEPROGRAMPROC, glUseProgram) X(PFNGLVERTEXATTRIBPOINTERPROC, glVertexAttribPointer)             \
  X(PFNGLENABLEVERTEXATTRIBARRAYPROC, glEnableVertexAttribArray) X(PFNGLVIEWPORTPROC, glViewport)         \
  X(PFNGLCLEARCOLORPROC, glClearColor) X(PFNGLCLEARPROC, glClear) X(PFNGLDRAWARRAYSPROC, glDrawArrays)    \
  X(PFNGLREADPIXELSPROC, glReadPixels) X(PFNGLGETSTRINGPROC, glGetString) X(PFNGLFINISHPROC, glFinish)

#define DECLARE(type, name) static type p_##name;
EGL_FUNCTIONS(DECLARE)
GL_FUNCTIONS(DECLARE)

#ifdef ONEBIN_BRIDGE
#include "onebin/host.h"
/* Every host function goes through the bridge's wrappers. */
static int load(void) {
  void *egl = onebin_host_open("libEGL.so.1"), *gles = egl ? onebin_host_open("libGLESv2.so.2") : NULL;
  if (!egl || !gles) {
    printf("no EGL/GLES on this host: %s\n", onebin_host_error());
    return -1;
  }
#define LOAD_EGL(type, name) p_##name = (type)onebin_host_sym(egl, #name);
#define LOAD_GL(type, name) p_##name = (type)onebin_host_sym(gles, #name);
  EGL_FUNCTIONS(LOAD_EGL)
  GL_FUNCTIONS(LOAD_GL)
  return 0;
}
#define WRAP(pointer) onebin_host_wrap((void *)(pointer))
#else
static int load(void) {
#define LINK(type, name) p_##name = name;
  EGL_FUNCTIONS(LINK)
  GL_FUNCTIONS(LINK)
  return 0;
}
#define WRAP(pointer) ((void *)(pointer))
#endif

/* Surfaceless when the driver offers it (no window system needed). */
static EGLDisplay open_display(void) {
  const char *client = p_eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  if (client && strstr(client, "EGL_MESA_platform_surfaceless")) {
    PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display = WRAP(p_eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (get_platform_display) return get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
  }
  return p_eglGetDisplay(EGL_DEFAULT_DISPLAY);
}

static int make_context(void) {
  EGLDisplay display = open_display();
  EGLint major, minor, count;
  if (display == EGL_NO_DISPLAY || !p_eglInitialize(display, &major, &minor)) {
    printf("no EGL device: eglInitialize failed (0x%x)\n", p_eglGetError());
    return -1;
  }
  static const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
                                          EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE};
  static const EGLint surface_attribs[] = {EGL_WIDTH, 64, EGL_HEIGHT, 64, EGL_NONE};
  static const EGLint context_attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
  EGLConfig config;
  p_eglBindAPI(EGL_OPENGL_ES_API);
  if (!p_eglChooseConfig(display, config_attribs, &config, 1, &count) || count < 1) {
    printf("no EGL config with a pbuffer and GLES2 (0x%x)\n", p_eglGetError());
    return -1;
  }
  EGLSurface surface = p_eglCreatePbufferSurface(display, config, surface_attribs);
  EGLContext context = p_eglCreateContext(display, config, EGL_NO_CONTEXT, context_attribs);
  if (surface == EGL_NO_SURFACE || context == EGL_NO_CONTEXT || !p_eglMakeCurrent(display, surface, surface, context)) {
    printf("cannot make a GLES2 context current (0x%x)\n", p_eglGetError());
    return -1;
  }
  return 0;
}

static GLuint shader(GLenum type, const char *source) {
  GLuint s = p_glCreateShader(type);
  p_glShaderSource(s, 1, &source, NULL);
  p_glCompileShader(s);
  return s;
}

static void draw(void) {
  GLuint program = p_glCreateProgram();
  p_glAttachShader(program, shader(GL_VERTEX_SHADER, "attribute vec2 pos; void main() { gl_Position = vec4(pos, 0.0, 1.0); }"));
  p_glAttachShader(program, shader(GL_FRAGMENT_SHADER, "precision mediump float; void main() { gl_FragColor = vec4(1.0, 0.0, 0.0, 1.0); }"));
  p_glBindAttribLocation(program, 0, "pos");
  p_glLinkProgram(program);
  p_glUseProgram(program);
  static const GLfloat square[] = {-0.5f, -0.5f, 0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f};
  p_glViewport(0, 0, 64, 64);
  p_glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
  p_glClear(GL_COLOR_BUFFER_BIT);
  p_glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, square);
  p_glEnableVertexAttribArray(0);
  p_glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  p_glFinish();
}

static int pixel_is(int x, int y, const unsigned char want[3]) {
  unsigned char rgba[4];
  p_glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  return rgba[0] == want[0] && rgba[1] == want[1] && rgba[2] == want[2];
}

int main(void) {
  if (load() != 0 || make_context() != 0) return 1;
  printf("GL_RENDERER: %s\n", (const char *)p_glGetString(GL_RENDERER));
  printf("GL_VERSION: %s\n", (const char *)p_glGetString(GL_VERSION));
  draw();
  static const unsigned char red[3] = {255, 0, 0}, blue[3] = {0, 0, 255};
  int ok = pixel_is(32, 32, red) && pixel_is(2, 2, blue) && pixel_is(61, 61, blue);
  printf("pixels: %s\n", ok ? "right" : "wrong");
  return ok ? 0 : 1;
}
