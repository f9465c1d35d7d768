/* salvage-account-private.h - what only the account list changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-account.h"

G_BEGIN_DECLS

void salvage_account_set_masked_key   (SalvageAccount *self,
                                       const char     *masked_key);
void salvage_account_set_session_only (SalvageAccount *self,
                                       gboolean        session_only);

G_END_DECLS
