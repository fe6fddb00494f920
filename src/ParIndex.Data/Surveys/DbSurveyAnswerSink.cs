using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParIndex.Core.Surveys;
using ParIndex.Data.Bulk;
using ParIndex.Surveys.Import;

namespace ParIndex.Data.Surveys;

/// <summary>Where a database sink writes: the campaign, the questionnaire record, the unit ids by code and who imports.</summary>
public sealed record SurveyAnswerTarget(int CampaignId, int QuestionnaireId, IReadOnlyDictionary<string, int> UnitIds, string ImportedBy, DateTime ImportedAt);

/// <summary>Makes the sink of the configured database provider (registered by the host).</summary>
public interface ISurveyAnswerSinkFactory
{
    DbSurveyAnswerSink Create(ParIndexDbContext db, SurveyAnswerTarget target);

    /// <summary>The provider's bulk row writer: re-scoring writes its leaves, history and SIPAS through it (ADR 0139).</summary>
    IBulkRowWriter Rows { get; }
}

/// <summary>
/// The part of a database sink that every provider shares: the batch row goes through EF, the
/// answers through the provider's bulk path (<see cref="WriteAnswersAsync"/>) and the answer counts
/// through its bulk row writer, on the same connection and transaction. The caller owns the transaction (it also writes the scores before
/// committing), so <see cref="CommitAsync"/> only finishes the bulk write and nothing is visible
/// to others until the caller commits.
/// </summary>
public abstract class DbSurveyAnswerSink(ParIndexDbContext db, SurveyAnswerTarget target) : ISurveyAnswerSink, IAsyncDisposable
{
    private static readonly string[] CountColumns = ["BatchId", "UnitId", "QuestionCode", "AnswerKey", "Answers", "WeightSum"];

    // Bounded by units × questions × answer keys, whatever the number of respondents.
    private readonly Dictionary<(string Unit, string Question, string Key), (long Answers, decimal WeightSum)> counts = [];

    protected ParIndexDbContext Db { get; } = db ?? throw new ArgumentNullException(nameof(db));

    protected SurveyAnswerTarget Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The id of the batch row once <see cref="BeginBatchAsync"/> has run.</summary>
    public int? BatchId { get; private set; }

    protected DbConnection Connection => Db.Database.GetDbConnection();

    /// <summary>The provider's bulk row writer (the answer counts: up to units × questions × keys rows).</summary>
    protected abstract IBulkRowWriter Rows { get; }

    protected DbTransaction Transaction => Db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Ghi câu trả lời khảo sát phải nằm trong một giao dịch cơ sở dữ liệu.");

    public Task<bool> ContainsBatchAsync(string contentHash, CancellationToken cancellationToken = default) =>
        Db.SurveyBatches.AnyAsync(b => b.CampaignId == Target.CampaignId && b.ContentHash == contentHash, cancellationToken);

    public async Task BeginBatchAsync(SurveyBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (BatchId is not null)
        {
            throw new InvalidOperationException("Một lô nhập đang mở chưa kết thúc.");
        }

        _ = Transaction;
        var record = new SurveyBatchRecord
        {
            CampaignId = Target.CampaignId,
            QuestionnaireId = Target.QuestionnaireId,
            ContentHash = batch.ContentHash,
            SourceName = batch.SourceName.Length > 260 ? batch.SourceName[..260] : batch.SourceName,
            Respondents = batch.Respondents,
            Answers = batch.Answers,
            ImportedAt = Target.ImportedAt,
            ImportedBy = Target.ImportedBy,
        };
        Db.SurveyBatches.Add(record);
        await Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        BatchId = record.Id;
        await BeginAnswersAsync(record.Id, cancellationToken).ConfigureAwait(false);
    }

    public Task WriteAsync(ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken = default)
    {
        var batchId = BatchId ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        foreach (var answer in answers.Span)
        {
            ref var counter = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, (answer.UnitCode, answer.QuestionCode, answer.AnswerKey), out _);
            counter.Answers++;
            counter.WeightSum += answer.Weight ?? 1m;
        }

        return WriteAnswersAsync(batchId, answers, cancellationToken);
    }

    /// <summary>Finishes the bulk write, then stores the batch's answer counts (<see cref="SurveyAnswerCount"/>) in the same transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var batchId = BatchId ?? throw new InvalidOperationException("Chưa bắt đầu lô nhập.");
        await CompleteAnswersAsync(cancellationToken).ConfigureAwait(false);
        // In bulk, not as tracked entities: a national file has over a million counts (11,000 units × 27 questions × keys).
        await Rows.WriteAsync(Db, "SurveyAnswerCounts", CountColumns,
            counts.Select(c => new object?[] { batchId, UnitId(c.Key.Unit), c.Key.Question, c.Key.Key, c.Value.Answers, c.Value.WeightSum }),
            cancellationToken).ConfigureAwait(false);
        // The sink lives on while the campaign is re-scored: give its tables back.
        counts.Clear();
        counts.TrimExcess();
    }

    /// <summary>Abandons the bulk write; the caller rolls its transaction back, which removes the batch row too.</summary>
    public async Task RollbackAsync(CancellationToken cancellationToken = default) => await DisposeAsync().ConfigureAwait(false);

    /// <summary>The unit id of an answer; the importer only passes units of the campaign.</summary>
    protected int UnitId(string unitCode) => Target.UnitIds.TryGetValue(unitCode, out var id)
        ? id
        : throw new InvalidOperationException($"Đơn vị {unitCode} không thuộc kỳ đánh giá.");

    protected abstract Task BeginAnswersAsync(int batchId, CancellationToken cancellationToken);

    protected abstract Task WriteAnswersAsync(int batchId, ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken);

    protected abstract Task CompleteAnswersAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
