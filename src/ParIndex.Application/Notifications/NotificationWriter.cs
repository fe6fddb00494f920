using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;
using ParIndex.Data.Notifications;
using ParIndex.Data.Providers;

namespace ParIndex.Application.Notifications;

/// <summary>
/// Creates a notification (with its e-mail delivery) unless one with the same idempotency key
/// exists: insert-if-absent, where the unique index decides between two planners racing (ADR 0119).
/// </summary>
internal sealed class NotificationWriter(ParIndexDbContext db, IOptions<SmtpOptions> smtp)
{
    /// <summary>True when this call created it; false when it was there already.</summary>
    public async Task<bool> AddOnceAsync(Recipient recipient, string kind, string key, NotificationMessage message, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Notifications.AnyAsync(n => n.IdempotencyKey == key, cancellationToken))
        {
            return false;
        }

        var notification = new Notification
        {
            RecipientId = recipient.UserId,
            Kind = kind,
            IdempotencyKey = key,
            Subject = Clip(message.Subject, TextLimits.NotificationSubject),
            Body = Clip(message.Body, TextLimits.NotificationBody),
            Link = message.Link,
            CreatedAt = now,
        };
        if (recipient.Email is { } address)
        {
            notification.Deliveries.Add(new NotificationDelivery
            {
                Address = address,
                Channel = DeliveryChannel.Email,
                // Without an SMTP server the notification lives in the app only.
                Status = smtp.Value.IsConfigured ? DeliveryStatus.Pending : DeliveryStatus.Skipped,
                NextAttemptAt = now,
            });
        }

        db.Notifications.Add(notification);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DbConflicts.IsConflict(e))
        {
            // Another planner inserted the same key between the check and the insert.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
