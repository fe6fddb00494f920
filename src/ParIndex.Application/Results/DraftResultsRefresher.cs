using Microsoft.Extensions.DependencyInjection;

namespace ParIndex.Application.Results;

/// <summary>
/// Runs the draft results computations of the process (ADR 0144): at most one per campaign at a
/// time, joined by every reader that needs it, each in its own DI scope (its own DbContext), so
/// that it neither shares a request's context nor stops when the request that started it ends.
/// </summary>
public sealed class DraftResultsRefresher(IServiceScopeFactory scopes)
{
    private readonly Dictionary<int, Task> running = [];

    /// <summary>
    /// How long a staff page or API read waits for newer results before it shows the stored ones
    /// marked "being updated" (<c>Results:DraftWaitSeconds</c>). A read with no stored draft, and an
    /// export, always wait.
    /// </summary>
    public TimeSpan StaleWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The running computation of the campaign's draft, or a new one.</summary>
    public Task RefreshAsync(int campaignId)
    {
        lock (running)
        {
            if (running.TryGetValue(campaignId, out var task) && !task.IsCompleted)
            {
                return task;
            }

            task = Task.Run(() => ComputeAsync(campaignId));
            running[campaignId] = task;
            _ = task.ContinueWith(done => Forget(campaignId, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }
    }

    private async Task ComputeAsync(int campaignId)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DraftResultsService>().ComputeAsync(campaignId, CancellationToken.None);
    }

    private void Forget(int campaignId, Task done)
    {
        lock (running)
        {
            if (running.TryGetValue(campaignId, out var task) && task == done)
            {
                running.Remove(campaignId);
            }
        }
    }
}
