/* Runs a small compute shader (double.comp, embedded as SPIR-V) on a buffer
 * with Vulkan, checks the result, and prints the device and driver names.
 * A debug-utils messenger is installed and made to fire. Built linked with
 * libvulkan (issue 4) and, with -DONEBIN_BRIDGE, as a static musl program
 * whose every Vulkan call goes through the bridge (issue 5). */
#include <stdio.h>
#include <string.h>
#include <vulkan/vulkan.h>

#include "double_spv.h"

#define COUNT 1024

#ifdef ONEBIN_BRIDGE
#include "onebin/host.h"
#define WRAP(pointer) onebin_host_wrap((void *)(pointer))
#define CALLBACK(function) onebin_host_callback((void *)(function))
static PFN_vkGetInstanceProcAddr load_loader(void) {
  void *vulkan = onebin_host_open("libvulkan.so.1");
  if (!vulkan) printf("no Vulkan loader on this host: %s\n", onebin_host_error());
  return vulkan ? (PFN_vkGetInstanceProcAddr)onebin_host_sym(vulkan, "vkGetInstanceProcAddr") : NULL;
}
#else
#define WRAP(pointer) ((void *)(pointer))
#define CALLBACK(function) ((void *)(function))
static PFN_vkGetInstanceProcAddr load_loader(void) { return vkGetInstanceProcAddr; }
#endif

static PFN_vkGetInstanceProcAddr get_instance_proc;
static PFN_vkGetDeviceProcAddr get_device_proc;
#define INSTANCE_FN(instance, name) ((PFN_##name)WRAP(get_instance_proc(instance, #name)))
#define DEVICE_FN(device, name) ((PFN_##name)WRAP(get_device_proc(device, #name)))

static int messages;

static VkBool32 VKAPI_PTR on_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT type,
                                     const VkDebugUtilsMessengerCallbackDataEXT *data, void *user) {
  (void)severity, (void)type, (void)user;
  messages++;
  printf("debug messenger: %s\n", data->pMessage);
  return VK_FALSE;
}

static int has_extension(const char *name) {
  uint32_t count = 0;
  INSTANCE_FN(NULL, vkEnumerateInstanceExtensionProperties)(NULL, &count, NULL);
  VkExtensionProperties props[64];
  if (count > 64) count = 64;
  INSTANCE_FN(NULL, vkEnumerateInstanceExtensionProperties)(NULL, &count, props);
  for (uint32_t i = 0; i < count; i++)
    if (!strcmp(props[i].extensionName, name)) return 1;
  return 0;
}

static VkInstance create_instance(int debug_utils) {
  VkApplicationInfo app = {.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO, .pApplicationName = "vkcompute",
                           .apiVersion = VK_API_VERSION_1_0};
  const char *extensions[] = {VK_EXT_DEBUG_UTILS_EXTENSION_NAME};
  VkInstanceCreateInfo info = {.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO, .pApplicationInfo = &app,
                               .enabledExtensionCount = debug_utils ? 1 : 0, .ppEnabledExtensionNames = extensions};
  VkInstance instance = VK_NULL_HANDLE;
  VkResult result = INSTANCE_FN(NULL, vkCreateInstance)(&info, NULL, &instance);
  if (result != VK_SUCCESS) printf("no Vulkan instance: vkCreateInstance returned %d\n", result);
  return result == VK_SUCCESS ? instance : VK_NULL_HANDLE;
}

static void fire_messenger(VkInstance instance) {
  VkDebugUtilsMessengerCreateInfoEXT info = {
      .sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT,
      .messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_INFO_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT,
      .messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT,
      .pfnUserCallback = (PFN_vkDebugUtilsMessengerCallbackEXT)CALLBACK(on_message)};
  VkDebugUtilsMessengerEXT messenger;
  if (INSTANCE_FN(instance, vkCreateDebugUtilsMessengerEXT)(instance, &info, NULL, &messenger) != VK_SUCCESS) return;
  VkDebugUtilsMessengerCallbackDataEXT data = {.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT,
                                               .pMessage = "hello from vkcompute"};
  INSTANCE_FN(instance, vkSubmitDebugUtilsMessageEXT)(instance, VK_DEBUG_UTILS_MESSAGE_SEVERITY_INFO_BIT_EXT,
                                                      VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT, &data);
  INSTANCE_FN(instance, vkDestroyDebugUtilsMessengerEXT)(instance, messenger, NULL);
}

/* The first device with a compute queue; prints its names. */
static VkPhysicalDevice pick_device(VkInstance instance, uint32_t *queue_family) {
  uint32_t count = 8;
  VkPhysicalDevice devices[8];
  if (INSTANCE_FN(instance, vkEnumeratePhysicalDevices)(instance, &count, devices) < 0 || count == 0) {
    printf("no Vulkan device\n");
    return VK_NULL_HANDLE;
  }
  for (uint32_t d = 0; d < count; d++) {
    uint32_t families = 16;
    VkQueueFamilyProperties props[16];
    INSTANCE_FN(instance, vkGetPhysicalDeviceQueueFamilyProperties)(devices[d], &families, props);
    for (uint32_t f = 0; f < families; f++) {
      if (!(props[f].queueFlags & VK_QUEUE_COMPUTE_BIT)) continue;
      VkPhysicalDeviceProperties properties;
      INSTANCE_FN(instance, vkGetPhysicalDeviceProperties)(devices[d], &properties);
      printf("device: %s\n", properties.deviceName);
      printf("driver version: %u.%u.%u\n", VK_VERSION_MAJOR(properties.driverVersion),
             VK_VERSION_MINOR(properties.driverVersion), VK_VERSION_PATCH(properties.driverVersion));
      *queue_family = f;
      return devices[d];
    }
  }
  printf("no Vulkan device with a compute queue\n");
  return VK_NULL_HANDLE;
}

static uint32_t host_visible_memory(VkInstance instance, VkPhysicalDevice gpu, uint32_t type_bits) {
  VkPhysicalDeviceMemoryProperties props;
  INSTANCE_FN(instance, vkGetPhysicalDeviceMemoryProperties)(gpu, &props);
  VkMemoryPropertyFlags want = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  for (uint32_t i = 0; i < props.memoryTypeCount; i++)
    if ((type_bits & (1u << i)) && (props.memoryTypes[i].propertyFlags & want) == want) return i;
  return 0;
}

struct compute {
  VkDevice device;
  VkBuffer buffer;
  VkDeviceMemory memory;
  VkPipeline pipeline;
  VkPipelineLayout layout;
  VkDescriptorSet set;
};

static int make_buffer(VkInstance instance, VkPhysicalDevice gpu, struct compute *c) {
  VkBufferCreateInfo info = {.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO, .size = COUNT * 4,
                             .usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT};
  DEVICE_FN(c->device, vkCreateBuffer)(c->device, &info, NULL, &c->buffer);
  VkMemoryRequirements req;
  DEVICE_FN(c->device, vkGetBufferMemoryRequirements)(c->device, c->buffer, &req);
  VkMemoryAllocateInfo alloc = {.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO, .allocationSize = req.size,
                                .memoryTypeIndex = host_visible_memory(instance, gpu, req.memoryTypeBits)};
  if (DEVICE_FN(c->device, vkAllocateMemory)(c->device, &alloc, NULL, &c->memory) != VK_SUCCESS) return -1;
  DEVICE_FN(c->device, vkBindBufferMemory)(c->device, c->buffer, c->memory, 0);
  uint32_t *values;
  DEVICE_FN(c->device, vkMapMemory)(c->device, c->memory, 0, COUNT * 4, 0, (void **)&values);
  for (uint32_t i = 0; i < COUNT; i++) values[i] = i;
  DEVICE_FN(c->device, vkUnmapMemory)(c->device, c->memory);
  return 0;
}

static void make_pipeline(struct compute *c) {
  VkDevice dev = c->device;
  VkDescriptorSetLayoutBinding binding = {0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, NULL};
  VkDescriptorSetLayoutCreateInfo set_info = {.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO,
                                              .bindingCount = 1, .pBindings = &binding};
  VkDescriptorSetLayout set_layout;
  DEVICE_FN(dev, vkCreateDescriptorSetLayout)(dev, &set_info, NULL, &set_layout);
  VkPipelineLayoutCreateInfo layout_info = {.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO,
                                            .setLayoutCount = 1, .pSetLayouts = &set_layout};
  DEVICE_FN(dev, vkCreatePipelineLayout)(dev, &layout_info, NULL, &c->layout);
  VkShaderModuleCreateInfo module_info = {.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO,
                                          .codeSize = sizeof double_spv, .pCode = double_spv};
  VkShaderModule module;
  DEVICE_FN(dev, vkCreateShaderModule)(dev, &module_info, NULL, &module);
  VkComputePipelineCreateInfo pipe_info = {
      .sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO,
      .stage = {.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, .stage = VK_SHADER_STAGE_COMPUTE_BIT,
                .module = module, .pName = "main"},
      .layout = c->layout};
  DEVICE_FN(dev, vkCreateComputePipelines)(dev, VK_NULL_HANDLE, 1, &pipe_info, NULL, &c->pipeline);
  VkDescriptorPoolSize size = {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1};
  VkDescriptorPoolCreateInfo pool_info = {.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO, .maxSets = 1,
                                          .poolSizeCount = 1, .pPoolSizes = &size};
  VkDescriptorPool pool;
  DEVICE_FN(dev, vkCreateDescriptorPool)(dev, &pool_info, NULL, &pool);
  VkDescriptorSetAllocateInfo alloc = {.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO, .descriptorPool = pool,
                                       .descriptorSetCount = 1, .pSetLayouts = &set_layout};
  DEVICE_FN(dev, vkAllocateDescriptorSets)(dev, &alloc, &c->set);
  VkDescriptorBufferInfo buffer_info = {c->buffer, 0, VK_WHOLE_SIZE};
  VkWriteDescriptorSet write = {.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET, .dstSet = c->set, .descriptorCount = 1,
                                .descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, .pBufferInfo = &buffer_info};
  DEVICE_FN(dev, vkUpdateDescriptorSets)(dev, 1, &write, 0, NULL);
}

static void dispatch(struct compute *c, uint32_t family) {
  VkDevice dev = c->device;
  VkCommandPoolCreateInfo pool_info = {.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO, .queueFamilyIndex = family};
  VkCommandPool pool;
  DEVICE_FN(dev, vkCreateCommandPool)(dev, &pool_info, NULL, &pool);
  VkCommandBufferAllocateInfo alloc = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO, .commandPool = pool,
                                       .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY, .commandBufferCount = 1};
  VkCommandBuffer cmd;
  DEVICE_FN(dev, vkAllocateCommandBuffers)(dev, &alloc, &cmd);
  VkCommandBufferBeginInfo begin = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  DEVICE_FN(dev, vkBeginCommandBuffer)(cmd, &begin);
  DEVICE_FN(dev, vkCmdBindPipeline)(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, c->pipeline);
  DEVICE_FN(dev, vkCmdBindDescriptorSets)(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, c->layout, 0, 1, &c->set, 0, NULL);
  DEVICE_FN(dev, vkCmdDispatch)(cmd, COUNT / 64, 1, 1);
  DEVICE_FN(dev, vkEndCommandBuffer)(cmd);
  VkQueue queue;
  DEVICE_FN(dev, vkGetDeviceQueue)(dev, family, 0, &queue);
  VkSubmitInfo submit = {.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO, .commandBufferCount = 1, .pCommandBuffers = &cmd};
  DEVICE_FN(dev, vkQueueSubmit)(queue, 1, &submit, VK_NULL_HANDLE);
  DEVICE_FN(dev, vkQueueWaitIdle)(queue);
}

static int result_is_right(struct compute *c) {
  uint32_t *values;
  DEVICE_FN(c->device, vkMapMemory)(c->device, c->memory, 0, COUNT * 4, 0, (void **)&values);
  int ok = 1;
  for (uint32_t i = 0; i < COUNT; i++) ok &= values[i] == 2 * i + 1;
  DEVICE_FN(c->device, vkUnmapMemory)(c->device, c->memory);
  return ok;
}

int main(void) {
  get_instance_proc = load_loader();
  if (!get_instance_proc) return 1;
  int debug_utils = has_extension(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
  VkInstance instance = create_instance(debug_utils);
  if (!instance) return 1;
  if (debug_utils) fire_messenger(instance);
  get_device_proc = INSTANCE_FN(instance, vkGetDeviceProcAddr);
  uint32_t family;
  VkPhysicalDevice gpu = pick_device(instance, &family);
  if (!gpu) return 1;
  float priority = 1.0f;
  VkDeviceQueueCreateInfo queue = {.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO, .queueFamilyIndex = family,
                                   .queueCount = 1, .pQueuePriorities = &priority};
  VkDeviceCreateInfo device_info = {.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, .queueCreateInfoCount = 1,
                                    .pQueueCreateInfos = &queue};
  struct compute c = {0};
  if (INSTANCE_FN(instance, vkCreateDevice)(gpu, &device_info, NULL, &c.device) != VK_SUCCESS) {
    printf("cannot create a Vulkan device\n");
    return 1;
  }
  if (make_buffer(instance, gpu, &c) != 0) return 1;
  make_pipeline(&c);
  dispatch(&c, family);
  int ok = result_is_right(&c);
  printf("debug messages: %d\n", messages);
  printf("compute result: %s\n", ok ? "right" : "wrong");
  return ok && messages > 0 ? 0 : 1;
}
