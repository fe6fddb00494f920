using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Evidence;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(TextLimits.FileName);
        builder.Property(f => f.ContentType).HasMaxLength(150);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.DocumentNumber).HasMaxLength(TextLimits.DocumentNumber);
        builder.Property(f => f.UploadedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(f => f.StorageName).HasMaxLength(100);
        // Not unique: content-addressed stores give the same name to every upload of the same bytes.
        builder.HasIndex(f => f.StorageName);
        builder.HasOne(f => f.Assessment).WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
