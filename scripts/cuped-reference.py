#!/usr/bin/env python3
"""CUPED from the sessions themselves, for checking tally's variant-conversion report.

An independent recomputation (numpy, scipy): it reads a tally store with plain SQL, finds each
session's customer (lead, else cart), sums the customer's orders in the pre-period, and computes
CUPED per funnel against the control (docs/REPORTS.md, "CUPED") without the sums tally keeps.
Tests/TallyReportsTests/CUPEDTests.swift holds tally's SampleData figures to what this prints.

Usage: scripts/cuped-reference.py STORE.sqlite [CUPED_DAYS]   (every session, no date range)
"""
import datetime
import math
import sqlite3
import sys

import numpy as np
from scipy import stats

db = sqlite3.connect(sys.argv[1])
days = int(sys.argv[2]) if len(sys.argv) > 2 else 30
sessions = db.execute("""
SELECT fs.funnelId, fs.variantId, v.isControl,
  CASE WHEN fs.orderId IS NOT NULL AND fs.status = 'COMPLETED'
        AND (o.id IS NULL OR o.status NOT IN ('CANCELED', 'REFUNDED'))
       THEN COALESCE(o.total, fs.totalAmount, 0) ELSE 0 END,
  COALESCE(l.customerId, c.customerId), f.companyId, co.currency, t.startedAt
FROM funnel_sessions fs
LEFT JOIN orders o ON o.id = fs.orderId
LEFT JOIN leads l ON l.id = fs.leadId
LEFT JOIN carts c ON c.id = fs.cartId
JOIN funnels f ON f.id = fs.funnelId
JOIN funnel_variants v ON v.id = fs.variantId
JOIN companies co ON co.id = f.companyId
LEFT JOIN funnel_ab_tests t ON t.id = f.activeTestId
WHERE fs.variantId IS NOT NULL
""").fetchall()
orders = {}
for customer, company, currency, total, at in db.execute(
        "SELECT customerId, companyId, currency, total, orderedAt FROM orders "
        "WHERE status NOT IN ('CANCELED', 'REFUNDED')"):
    orders.setdefault(customer, []).append((company, currency, total, at))


def pre_period_revenue(customer, company, currency, start):
    if customer is None:
        return 0
    begin = datetime.datetime.strptime(start, '%Y-%m-%dT%H:%M:%S.%fZ') - datetime.timedelta(days=days)
    low = begin.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3] + 'Z'
    return sum(t for (c, u, t, at) in orders.get(customer, []) if c == company and u == currency and low <= at < start)


arms, controls = {}, {}
for funnel, variant, is_control, y, customer, company, currency, start in sessions:
    arms.setdefault((funnel, variant), []).append((pre_period_revenue(customer, company, currency, start), y))
    if is_control:
        controls[funnel] = variant


def cuped(control, variant):
    both = np.vstack([control, variant])
    theta = np.cov(both[:, 0], both[:, 1])[0, 1] / np.var(both[:, 0], ddof=1)
    pooled_mean = both[:, 0].mean()
    adjusted = [arm[:, 1] - theta * (arm[:, 0] - pooled_mean) for arm in (control, variant)]
    (ma, mb), (va, vb) = [a.mean() for a in adjusted], [a.var(ddof=1) for a in adjusted]
    na, nb = len(control), len(variant)
    ratio = mb / ma
    se = math.sqrt(vb / nb / ma ** 2 + ratio ** 2 * (va / na) / ma ** 2)
    z = stats.norm.ppf(0.975)
    p = stats.ttest_ind(adjusted[1], adjusted[0], equal_var=False).pvalue
    before = control[:, 1].var(ddof=1) / na + variant[:, 1].var(ddof=1) / nb
    return theta, ratio - 1, ratio - 1 - z * se, ratio - 1 + z * se, p, 1 - (va / na + vb / nb) / before


print('funnel variant sessions with_history theta lift low high p_value variance_reduction')
for (funnel, variant), values in sorted(arms.items()):
    with_history = sum(1 for x, _ in values if x > 0)
    if controls.get(funnel) == variant:
        print(funnel, variant, len(values), with_history, 'control')
        continue
    figures = cuped(np.array(arms[(funnel, controls[funnel])], dtype=float), np.array(values, dtype=float))
    print(funnel, variant, len(values), with_history, ' '.join(repr(float(v)) for v in figures))
