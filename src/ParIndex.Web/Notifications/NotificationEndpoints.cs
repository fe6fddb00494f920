using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Application.Notifications;
using ParIndex.Web.Accounts;

namespace ParIndex.Web.Notifications;

/// <summary>The signed-in user's notifications (any role; only their own).</summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", async Task<Ok<NotificationPage>> (int? page, HttpContext http, NotificationService notifications, CancellationToken ct) =>
            TypedResults.Ok(await notifications.ListAsync(CurrentUser.From(http.User), page ?? 1, ct)));
        group.MapGet("/unread-count", async Task<Ok<int>> (HttpContext http, NotificationService notifications, CancellationToken ct) =>
            TypedResults.Ok(await notifications.UnreadCountAsync(CurrentUser.From(http.User), ct)));
        group.MapPost("/{id:long}/read", async Task<NoContent> (long id, HttpContext http, NotificationService notifications, CancellationToken ct) =>
        {
            await notifications.MarkReadAsync(CurrentUser.From(http.User), id, ct);
            return TypedResults.NoContent();
        });
        group.MapPost("/read-all", async Task<Ok<int>> (HttpContext http, NotificationService notifications, CancellationToken ct) =>
            TypedResults.Ok(await notifications.MarkAllReadAsync(CurrentUser.From(http.User), ct)));
        return api;
    }
}
