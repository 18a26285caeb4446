-- A customer's notifications are read from the payments, reversals and refunds they describe
-- (issue 16: no JMS delivery and consumer transaction per payment); the table the retired
-- payment-events subscriber wrote holds nothing those rows do not.
DROP TABLE notifications;
