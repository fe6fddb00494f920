namespace ParIndex.Application.Notifications;

/// <summary>What one pass did: notifications created, e-mails sent and failed.</summary>
public sealed record NotificationPassResult(int Created, int Sent, int Failed, bool ServerDown);

/// <summary>
/// One pass: plan (create what is due), then dispatch (send pending e-mails). Run by the web host's
/// background service every few seconds and by <c>parindex notifications run</c>.
/// </summary>
public sealed class NotificationPass(NotificationPlanner planner, NotificationDispatcher dispatcher, TimeProvider clock)
{
    public Task<NotificationPassResult> RunAsync(CancellationToken cancellationToken) =>
        RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>A pass as if it were <paramref name="now"/> (tests move the clock this way).</summary>
    public async Task<NotificationPassResult> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var created = await planner.PlanAsync(now, cancellationToken);
        var sent = await dispatcher.DispatchAsync(now, cancellationToken);
        return new NotificationPassResult(created, sent.Sent, sent.Failed, sent.ServerDown);
    }
}
