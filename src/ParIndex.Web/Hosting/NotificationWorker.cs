using Microsoft.Extensions.Options;
using ParIndex.Application.Notifications;

namespace ParIndex.Web.Hosting;

/// <summary>
/// Runs a notification pass (plan, then send) every <c>Notifications:IntervalSeconds</c>; off with
/// <c>Notifications:Enabled=false</c> (e.g. when <c>parindex notifications run</c> is run by cron).
/// Several instances may run it at once (ADR 0119). A failed pass is logged and the next one retries.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Notifications are off (Notifications:Enabled=false).");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<NotificationPass>().RunAsync(stoppingToken);
                if (result.Created + result.Sent + result.Failed > 0 && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Notification pass: {Created} created, {Sent} e-mails sent, {Failed} failed.", result.Created, result.Sent, result.Failed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The notification pass failed; the next one retries.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
