using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ParIndex.Data.Accounts;
using ParIndex.Data.Appraisal;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Crosswalks;
using ParIndex.Data.Evidence;
using ParIndex.Data.History;
using ParIndex.Data.Notifications;
using ParIndex.Data.Surveys;
using ParIndex.Data.Units;

namespace ParIndex.Data;

/// <summary>
/// The database of ParIndex. One model for every provider; each provider keeps its own
/// migrations assembly (ParIndex.Data.Sqlite, ParIndex.Data.Postgres).
/// </summary>
public sealed class ParIndexDbContext(DbContextOptions<ParIndexDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();

    /// <summary>Merges, splits and renames of units with their effective dates (ADR 0126).</summary>
    public DbSet<UnitLineage> UnitLineage => Set<UnitLineage>();

    public DbSet<FrameworkRecord> Frameworks => Set<FrameworkRecord>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<LeafEntry> LeafEntries => Set<LeafEntry>();

    public DbSet<AssessmentReport> AssessmentReports => Set<AssessmentReport>();

    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    /// <summary>Evidence contents shared by every instance (database and S3 stores), one row per SHA-256.</summary>
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();

    /// <summary>The bytes of evidence contents held by the database store.</summary>
    public DbSet<EvidenceChunk> EvidenceChunks => Set<EvidenceChunk>();

    /// <summary>The data-protection key ring, shared so that a cookie issued by one instance is read by the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AppraiserAssignment> AppraiserAssignments => Set<AppraiserAssignment>();

    public DbSet<SurveyQuestionnaireRecord> SurveyQuestionnaires => Set<SurveyQuestionnaireRecord>();

    public DbSet<SurveyBatchRecord> SurveyBatches => Set<SurveyBatchRecord>();

    public DbSet<SurveyAnswerRecord> SurveyAnswers => Set<SurveyAnswerRecord>();

    public DbSet<SurveyAnswerCount> SurveyAnswerCounts => Set<SurveyAnswerCount>();

    public DbSet<SurveyQuotaTarget> SurveyQuotaTargets => Set<SurveyQuotaTarget>();

    public DbSet<SurveySipasResult> SurveySipasResults => Set<SurveySipasResult>();

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    public DbSet<NotificationCursor> NotificationCursors => Set<NotificationCursor>();

    /// <summary>Stored versions of published results (ADR 0133).</summary>
    public DbSet<Results.ResultSnapshot> ResultSnapshots => Set<Results.ResultSnapshot>();

    public DbSet<Results.ResultSnapshotUnit> ResultSnapshotUnits => Set<Results.ResultSnapshotUnit>();

    public DbSet<StoredCrosswalk> Crosswalks => Set<StoredCrosswalk>();

    public DbSet<CrosswalkRevision> CrosswalkRevisions => Set<CrosswalkRevision>();

    public DbSet<CarriedSuggestion> CarriedSuggestions => Set<CarriedSuggestion>();
    public DbSet<Signing.UnitSigningCertificate> SigningCertificates => Set<Signing.UnitSigningCertificate>();

    public DbSet<Signing.SignedReport> SignedReports => Set<Signing.SignedReport>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ParIndexDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Scores keep full precision: 28 digits, 10 after the point, on every provider.
        configurationBuilder.Properties<decimal>().HavePrecision(28, 10);
        // Every instant is UTC; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardHistory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>History is append-only: an update or delete of a history row is a programming error.</summary>
    private void GuardHistory()
    {
        if (ChangeTracker.Entries<HistoryEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Lịch sử thay đổi chỉ được ghi thêm, không được sửa hoặc xoá.");
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
