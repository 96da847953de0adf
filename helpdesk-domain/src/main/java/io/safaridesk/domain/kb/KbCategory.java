package io.safaridesk.domain.kb;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A node of the knowledge base's category tree: its articles and sub-categories move with it. */
@Entity
@Table(name = "kb_categories")
public class KbCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    private String description;

    private Long parentId;

    private int position;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected KbCategory() {}

    static KbCategory create(KbCategories.Details details, Instant now) {
        KbCategory category = new KbCategory();
        category.createdAt = now;
        category.change(details, now);
        return category;
    }

    void change(KbCategories.Details details, Instant now) {
        this.name = details.name();
        this.description = details.description();
        this.parentId = details.parentId();
        this.position = details.position();
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Long parentId() {
        return parentId;
    }

    public int position() {
        return position;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public int version() {
        return version;
    }
}
