using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;
using ParIndex.Data.Notifications;

namespace ParIndex.Application.Notifications;

/// <summary>What one dispatch pass did.</summary>
public sealed record DispatchResult(int Sent, int Failed, bool ServerDown);

/// <summary>
/// Sends the pending e-mail deliveries (ADR 0119). Each delivery is first claimed with a lease by a
/// conditional update, so that of two instances only one sends it; a failure is kept (for
/// operators) and retried after a growing back-off; when the server itself fails the pass stops and
/// the remaining mails wait for the next one. Without SMTP settings it does nothing.
/// </summary>
public sealed class NotificationDispatcher(
    ParIndexDbContext db,
    IOptions<NotificationOptions> options,
    IOptions<SmtpOptions> smtp,
    IOptions<PublicAppOptions> app,
    NotificationInstance instance,
    ILogger<NotificationDispatcher> logger)
{
    public async Task<DispatchResult> DispatchAsync(DateTime now, CancellationToken cancellationToken)
    {
        if (!smtp.Value.IsConfigured)
        {
            return new DispatchResult(0, 0, false);
        }

        var settings = options.Value;
        var due = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        await using var sender = new SmtpMailSender(smtp.Value);
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, now, now.AddSeconds(Math.Max(10, settings.LeaseSeconds)), cancellationToken))
            {
                continue;
            }

            var delivery = await db.NotificationDeliveries.AsNoTracking().Include(d => d.Notification).SingleAsync(d => d.Id == id, cancellationToken);
            var notification = delivery.Notification!;
            var link = app.Value.Absolute(notification.Link);
            try
            {
                await sender.SendAsync(delivery.Address, notification.Subject,
                    NotificationMessages.EmailText(notification.Body, link), NotificationMessages.EmailHtml(notification.Body, link), cancellationToken);
                await Mine(id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DeliveryStatus.Sent)
                    .SetProperty(d => d.SentAt, now)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntil, (DateTime?)null)
                    .SetProperty(d => d.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                var attempts = delivery.Attempts + 1;
                var status = attempts >= settings.MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending;
                var error = $"{e.GetType().Name}: {e.Message}";
                error = error.Length > 2000 ? error[..2000] : error;
                await Mine(id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, status)
                    .SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.NextAttemptAt, now + NotificationOptions.Backoff(attempts))
                    .SetProperty(d => d.ClaimedBy, (string?)null)
                    .SetProperty(d => d.ClaimedUntil, (DateTime?)null)
                    .SetProperty(d => d.LastError, error), CancellationToken.None);
                logger.LogWarning("E-mail delivery {DeliveryId} failed (attempt {Attempts}, {Status}): {Error}", id, attempts, status, error);
                if (SmtpMailSender.IsServerFailure(e))
                {
                    return new DispatchResult(sent, failed, true);
                }
            }
        }

        return new DispatchResult(sent, failed, false);
    }

    /// <summary>Takes the delivery for a lease unless another instance holds it or it is no longer pending.</summary>
    private async Task<bool> ClaimAsync(long id, DateTime now, DateTime until, CancellationToken cancellationToken) =>
        await db.NotificationDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, instance.Id).SetProperty(d => d.ClaimedUntil, until), cancellationToken) == 1;

    private IQueryable<NotificationDelivery> Mine(long id) =>
        db.NotificationDeliveries.Where(d => d.Id == id && d.ClaimedBy == instance.Id);
}

/// <summary>This process's name in delivery claims (machine, process, a random part).</summary>
public sealed class NotificationInstance
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}
