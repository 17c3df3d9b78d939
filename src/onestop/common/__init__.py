"""Value types shared by every area: money, periods, ids, errors, clock. No onestop imports."""
