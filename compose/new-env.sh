#!/usr/bin/env bash
# Writes a .env for docker-compose.yml with a random value for every secret the fleet reads:
#   bash compose/new-env.sh > .env
# Stripe's keys cannot be invented: the two STRIPE_ lines stay empty until filled from the Stripe dashboard.
set -euo pipefail

# passwords and S3 keys in hex (an S3 access key may hold no '/'); the fleet's keys are base64 of 32 random bytes
for name in UROP_POSTGRES_PASSWORD UROP_DB_OWNER_PASSWORD UROP_DB_APP_PASSWORD UROP_S3_ACCESS_KEY UROP_S3_SECRET_KEY; do
  echo "$name=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')"
done
for name in UROP_AUTH_KEY_ENCRYPTION_KEY UROP_QR_KEY_ENCRYPTION_KEY UROP_PASSWORD_RESET_SIGNING_KEY \
    UROP_INVITATION_SIGNING_KEY UROP_CLIENT_SECRET_TENANT_SERVICE UROP_CLIENT_SECRET_QR_SERVICE \
    UROP_CLIENT_SECRET_NOTIFICATION_SERVICE UROP_CLIENT_SECRET_ORDER_SERVICE UROP_CLIENT_SECRET_PAYMENT_SERVICE; do
  echo "$name=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
done
echo "STRIPE_API_KEY="
echo "STRIPE_WEBHOOK_SECRETS="
