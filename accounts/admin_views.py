"""The user admin leadership uses to give people roles."""

from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

_FIELDS = {"email", "display_name", "first_name", "last_name", "district", "groups"}


class _WithoutSuperuserSwitch:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("is_superuser", None)
        # People are known by their display name; legal names are optional.
        for name in ("first_name", "last_name"):
            self.fields[name].required = False


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
