/* salvage-test-monitor.h - a network monitor that says what the test tells it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_monitor_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
test_monitor_initable_init_impl (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init_impl;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

/* Makes the network available or not, and says so as the system's
 * monitor does (network-changed) when that changes. */
static inline void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  if (self->available == !!available)
    return;

  self->available = !!available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", self->available);
}
