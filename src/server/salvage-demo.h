/* salvage-demo.h - a deterministic, realistic workspace for the stand-in server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-server.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_projects;        /* live projects */
  guint max_versions;      /* versions per project: 1..max_versions */
  guint n_workflows;       /* live workflows */
  guint n_trash;           /* items in the Trash, of every kind, with a spread of days left */
} SalvageDemoSizes;

#define SALVAGE_DEMO_WORKSPACE "acme-vision"
#define SALVAGE_DEMO_API_KEY   "demo-key-7Hq2xK9mPz"

/* The default sizes of `salvage --demo`. */
void salvage_demo_sizes_init_default (SalvageDemoSizes *sizes);

/* Adds workspace @ws (with key @api_key) to @server and fills it. The same
 * @seed and @sizes always give the same workspace, relative to the
 * server's clock. */
void salvage_demo_seed (SalvageServer          *server,
                        const char             *ws,
                        const char             *api_key,
                        const SalvageDemoSizes *sizes,
                        guint32                 seed);

G_END_DECLS
