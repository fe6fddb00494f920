using ParIndex.Core.Surveys;

namespace ParIndex.Surveys.Import;

/// <summary>
/// A sink in memory. Answers of the open batch are pending until commit; rollback drops them.
/// With <c>retainAnswers: false</c> it keeps counts only, so a benchmark of a million respondents
/// measures the reader rather than a list of twenty million answers.
/// </summary>
public sealed class InMemorySurveyAnswerSink(bool retainAnswers = true) : ISurveyAnswerSink
{
    private readonly List<SurveyAnswer> committed = [];
    private readonly List<SurveyAnswer> pending = [];
    private readonly List<SurveyBatch> batches = [];
    private SurveyBatch? open;
    private long pendingCount;

    public IReadOnlyList<SurveyAnswer> Answers => committed;

    public IReadOnlyList<SurveyBatch> Batches => batches;

    /// <summary>Answers committed, counted even when they are not retained.</summary>
    public long CommittedCount { get; private set; }

    /// <summary>How many times <see cref="WriteAsync"/> was called (bulk writes, not per answer).</summary>
    public int WriteCalls { get; private set; }

    public Task<bool> ContainsBatchAsync(string contentHash, CancellationToken cancellationToken = default) =>
        Task.FromResult(batches.Any(b => b.ContentHash == contentHash));

    public Task BeginBatchAsync(SurveyBatch batch, CancellationToken cancellationToken = default)
    {
        if (open is not null)
        {
            throw new InvalidOperationException("Một lô nhập đang mở chưa kết thúc.");
        }

        open = batch ?? throw new ArgumentNullException(nameof(batch));
        pending.Clear();
        pendingCount = 0;
        return Task.CompletedTask;
    }

    public Task WriteAsync(ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken = default)
    {
        if (open is null)
        {
            throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        }

        WriteCalls++;
        pendingCount += answers.Length;
        if (retainAnswers)
        {
            pending.AddRange(answers.Span);
        }

        return Task.CompletedTask;
    }

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var batch = open ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        batches.Add(batch);
        committed.AddRange(pending);
        CommittedCount += pendingCount;
        pending.Clear();
        open = null;
        return Task.CompletedTask;
    }

    public Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        pending.Clear();
        pendingCount = 0;
        open = null;
        return Task.CompletedTask;
    }
}
