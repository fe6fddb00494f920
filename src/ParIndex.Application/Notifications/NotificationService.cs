using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Problems;
using ParIndex.Data;

namespace ParIndex.Application.Notifications;

/// <summary>
/// The signed-in user's own notifications: count, list, mark read. Every query is bounded to the
/// user as recipient; someone else's notification is answered as absent (404), so its existence
/// is not disclosed either.
/// </summary>
public sealed class NotificationService(ParIndexDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    private IQueryable<ParIndex.Data.Notifications.Notification> Own(CurrentUser user) =>
        db.Notifications.Where(n => db.Users.Any(u => u.Id == n.RecipientId && u.UserName == user.UserName));

    public Task<int> UnreadCountAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Own(user).CountAsync(n => n.ReadAt == null, cancellationToken);
    }

    public async Task<NotificationPage> ListAsync(CurrentUser user, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var own = Own(user).AsNoTracking();
        var total = await own.CountAsync(cancellationToken);
        var unread = await own.CountAsync(n => n.ReadAt == null, cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var items = await own.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, page, PageSize, total, unread);
    }

    /// <summary>Marks one of the user's notifications read (again: no change); 404 for anyone else's.</summary>
    public async Task MarkReadAsync(CurrentUser user, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await Own(user).Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed == 0 && !await Own(user).AnyAsync(n => n.Id == id, cancellationToken))
        {
            throw DomainException.NotFound("Không tìm thấy thông báo.", "Notification not found.");
        }
    }

    /// <summary>Marks all the user's notifications read; returns how many were unread.</summary>
    public Task<int> MarkAllReadAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow().UtcDateTime;
        return Own(user).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
