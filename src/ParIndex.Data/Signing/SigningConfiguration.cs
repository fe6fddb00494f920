using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Signing;

internal sealed class UnitSigningCertificateConfiguration : IEntityTypeConfiguration<UnitSigningCertificate>
{
    public void Configure(EntityTypeBuilder<UnitSigningCertificate> builder)
    {
        builder.HasKey(c => c.UnitId);
        builder.Property(c => c.Subject).HasMaxLength(TextLimits.CertificateName);
        builder.Property(c => c.Issuer).HasMaxLength(TextLimits.CertificateName);
        builder.Property(c => c.SerialNumber).HasMaxLength(TextLimits.CertificateSerial);
        builder.Property(c => c.Thumbprint).HasMaxLength(64);
        builder.Property(c => c.UploadedBy).HasMaxLength(TextLimits.UserName);
        builder.HasOne(c => c.Unit).WithOne().HasForeignKey<UnitSigningCertificate>(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignedReportConfiguration : IEntityTypeConfiguration<SignedReport>
{
    public void Configure(EntityTypeBuilder<SignedReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.AssessmentId);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.FileName).HasMaxLength(TextLimits.FileName);
        builder.Property(r => r.SignedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(r => r.SignerName).HasMaxLength(TextLimits.CertificateName);
        builder.Property(r => r.Organisation).HasMaxLength(TextLimits.CertificateName);
        builder.Property(r => r.CertificateIssuer).HasMaxLength(TextLimits.CertificateName);
        builder.Property(r => r.CertificateSerial).HasMaxLength(TextLimits.CertificateSerial);
        builder.Property(r => r.AssessmentStatus).HasMaxLength(32);
        builder.HasOne(r => r.Assessment).WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
