-- Goods at the gate (issue 17): a day's sign-off is allowed with goods differences still open; it records how many
-- were open (arisen on or before the day) when it was signed. Null for days signed before goods checks.
ALTER TABLE day_signoff ADD COLUMN open_goods_differences INT NULL;
