from oauth2_provider.oauth2_validators import OAuth2Validator

# Who belongs to which directory group at the city (a claim the site may be told to read).
GROUPS = {"inspector@riverside.example.net": ["city-staff"]}


class CityValidator(OAuth2Validator):
    oidc_claim_scope = None  # every claim below goes out with the "openid" scope

    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": True,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "name": f"{user.first_name} {user.last_name}",
            "groups": GROUPS.get(user.email, []),
        }
