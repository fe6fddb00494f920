using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Web.Accounts;
using ParIndex.Web.Hosting;

namespace ParIndex.Web.Admin;

/// <summary>One account (administrator): read, reset the password to a one-time password, lock or unlock.</summary>
public static class UserAccountEndpoints
{
    public static RouteGroupBuilder MapUserAccountEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var user = api.MapGroup("/users/{id}").WithTags("Users").RequireAuthorization(Policies.Administrator);
        user.MapGet("/", async Task<Ok<UserView>> (string id, AdminService admin, CancellationToken ct) => TypedResults.Ok(await admin.UserAsync(id, ct)));
        user.MapPost("/password-reset", async Task<Ok<PasswordResetResult>> (string id, AdminService admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.ResetPasswordAsync(id, ct)))
            .WithSummary("Đặt lại mật khẩu: trả về mật khẩu dùng một lần (chỉ một lần), chấm dứt mọi phiên của tài khoản");
        user.MapPut("/lock", async Task<Ok<UserView>> (string id, LockRequest request, ClaimsPrincipal principal, AdminService admin, CancellationToken ct) =>
                TypedResults.Ok(await admin.SetLockAsync(id, request.Locked, CurrentUser.From(principal), ct)))
            .WithSummary("Khoá (đến khi mở) hoặc mở khoá tài khoản");
        return api;
    }
}
