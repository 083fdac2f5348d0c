-- Staff now log in with a second factor: sessions opened with a password alone end here.
DELETE FROM "sessions" WHERE "user_id" IN (SELECT "id" FROM "users" WHERE "role" <> 'customer');
