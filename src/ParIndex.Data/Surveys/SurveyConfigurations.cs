using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Data.Units;

namespace ParIndex.Data.Surveys;

internal sealed class SurveyQuestionnaireConfiguration : IEntityTypeConfiguration<SurveyQuestionnaireRecord>
{
    public void Configure(EntityTypeBuilder<SurveyQuestionnaireRecord> builder)
    {
        builder.ToTable("SurveyQuestionnaires");
        builder.Property(q => q.Code).HasMaxLength(100);
        builder.Property(q => q.RespondentGroup).HasMaxLength(100);
        builder.Property(q => q.Title).HasMaxLength(500);
        builder.Property(q => q.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(q => new { q.CampaignId, q.Code }).IsUnique();
        builder.HasIndex(q => new { q.CampaignId, q.RespondentGroup }).IsUnique();
        builder.HasOne(q => q.Campaign).WithMany().HasForeignKey(q => q.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyBatchConfiguration : IEntityTypeConfiguration<SurveyBatchRecord>
{
    public void Configure(EntityTypeBuilder<SurveyBatchRecord> builder)
    {
        builder.ToTable("SurveyBatches");
        builder.Property(b => b.ContentHash).HasMaxLength(64);
        builder.Property(b => b.SourceName).HasMaxLength(260);
        builder.Property(b => b.ImportedBy).HasMaxLength(256);
        // The same file cannot land twice in a campaign, even from two imports racing each other.
        builder.HasIndex(b => new { b.CampaignId, b.ContentHash }).IsUnique();
        builder.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // A questionnaire with answers cannot be deleted under them.
        builder.HasOne(b => b.Questionnaire).WithMany().HasForeignKey(b => b.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswerRecord>
{
    public void Configure(EntityTypeBuilder<SurveyAnswerRecord> builder)
    {
        builder.ToTable("SurveyAnswers");
        builder.Property(a => a.RespondentId).HasMaxLength(100);
        builder.Property(a => a.QuestionCode).HasMaxLength(100);
        builder.Property(a => a.AnswerKey).HasMaxLength(50);
        builder.HasIndex(a => a.BatchId);
        builder.HasOne<SurveyBatchRecord>().WithMany().HasForeignKey(a => a.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerCountConfiguration : IEntityTypeConfiguration<SurveyAnswerCount>
{
    public void Configure(EntityTypeBuilder<SurveyAnswerCount> builder)
    {
        builder.ToTable("SurveyAnswerCounts");
        builder.Property(c => c.QuestionCode).HasMaxLength(100);
        builder.Property(c => c.AnswerKey).HasMaxLength(50);
        builder.HasIndex(c => new { c.BatchId, c.UnitId, c.QuestionCode, c.AnswerKey }).IsUnique();
        builder.HasOne<SurveyBatchRecord>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyQuotaTargetConfiguration : IEntityTypeConfiguration<SurveyQuotaTarget>
{
    public void Configure(EntityTypeBuilder<SurveyQuotaTarget> builder)
    {
        builder.ToTable("SurveyQuotaTargets");
        builder.Property(t => t.RespondentGroup).HasMaxLength(100);
        builder.HasIndex(t => new { t.CampaignId, t.UnitId, t.RespondentGroup }).IsUnique();
        builder.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveySipasResultConfiguration : IEntityTypeConfiguration<SurveySipasResult>
{
    public void Configure(EntityTypeBuilder<SurveySipasResult> builder)
    {
        builder.ToTable("SurveySipasResults");
        builder.Property(s => s.Component).HasMaxLength(100);
        builder.HasIndex(s => new { s.CampaignId, s.UnitId, s.Component }).IsUnique();
        builder.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
