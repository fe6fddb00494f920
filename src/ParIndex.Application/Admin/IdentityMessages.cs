using Microsoft.AspNetCore.Identity;

namespace ParIndex.Application.Admin;

/// <summary>Vietnamese and English text for the Identity errors a user can cause.</summary>
internal static class IdentityMessages
{
    public static string Vietnamese(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => "Tên đăng nhập đã tồn tại.",
        "InvalidUserName" => "Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - @.",
        "PasswordTooShort" => "Mật khẩu quá ngắn (tối thiểu 8 ký tự).",
        "PasswordRequiresDigit" => "Mật khẩu cần ít nhất một chữ số.",
        "PasswordRequiresLower" => "Mật khẩu cần ít nhất một chữ thường.",
        "PasswordRequiresUpper" => "Mật khẩu cần ít nhất một chữ hoa.",
        "PasswordRequiresNonAlphanumeric" => "Mật khẩu cần ít nhất một ký tự đặc biệt.",
        _ => error.Description,
    };

    public static string English(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => "The user name is already taken.",
        "InvalidUserName" => "A user name may contain only unaccented letters, digits and . _ - @.",
        "PasswordTooShort" => "The password is too short (at least 8 characters).",
        "PasswordRequiresDigit" => "The password needs at least one digit.",
        "PasswordRequiresLower" => "The password needs at least one lowercase letter.",
        "PasswordRequiresUpper" => "The password needs at least one uppercase letter.",
        "PasswordRequiresNonAlphanumeric" => "The password needs at least one special character.",
        _ => error.Description,
    };
}
