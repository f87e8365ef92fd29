"""The user admin leadership uses to give people roles."""

from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from . import roles

_FIELDS = {"email", "display_name", "first_name", "last_name", "district", "groups"}


class _WithoutSuperuserSwitch:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("is_superuser", None)
        # People are known by their display name; legal names are optional.
        for name in ("first_name", "last_name"):
            self.fields[name].required = False

    def save(self, commit=True):
        # is_staff means "may open the admin": it follows the roles that need the admin.
        user = super().save(commit=commit)
        groups = self.cleaned_data.get("groups") or []
        admin = user.is_superuser or any(group.name in roles.ADMIN_ROLES for group in groups)
        if user.is_staff != admin:
            user.is_staff = admin
            if commit:
                user.save(update_fields=["is_staff"])
        return user


class GreenlightUserCreationForm(_WithoutSuperuserSwitch, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = _FIELDS


class GreenlightUserEditForm(_WithoutSuperuserSwitch, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = _FIELDS | {"is_active"}


class _ProtectSuperusers:
    """Only a superuser may change or delete a superuser (no takeover by resetting a password)."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if obj.is_superuser and not self.request.user.is_superuser:
            raise PermissionDenied
        return obj


class EditView(_ProtectSuperusers, users.EditView):
    pass


class DeleteView(_ProtectSuperusers, users.DeleteView):
    pass


class UserViewSet(users.UserViewSet):
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return GreenlightUserEditForm if for_update else GreenlightUserCreationForm
