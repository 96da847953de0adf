package io.safaridesk.domain.mail;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MailTemplateTextRepository extends JpaRepository<MailTemplateText, MailTemplateText.Key> {

    List<MailTemplateText> findAllByOrderByTemplateAscLanguageAsc();
}
